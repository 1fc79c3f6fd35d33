namespace Precis.Cleaning;

/// <summary>
/// The values of <see cref="Documents.RemovedLine.Reason"/> that furniture removal writes. Later stages may rely on
/// them: metadata detection reads <see cref="AgencyTag"/> lines ("- AFP") for the outlet and credit lines for agencies.
/// </summary>
public static class FurnitureReasons
{
    public const string CaptionLabel = "caption-label";
    public const string Caption = "caption";
    public const string Credit = "credit";
    public const string Image = "image";
    public const string CallToAction = "call-to-action";
    public const string Related = "related-link";
    public const string Advertisement = "advertisement";
    public const string Cookie = "cookie-notice";
    public const string Stub = "byline-stub";
    public const string AgencyTag = "agency-tag";
    public const string Navigation = "navigation";
    public const string Copyright = "copyright";
    public const string Boilerplate = "boilerplate";
}
