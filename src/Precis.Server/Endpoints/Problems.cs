namespace Precis.Server.Endpoints;

internal static class Problems
{
    /// <summary>400 with a problem-details body whose "errors" name each bad field.</summary>
    public static IResult BadRequest(string title, IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: title, statusCode: StatusCodes.Status400BadRequest);
}
