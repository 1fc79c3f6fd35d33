namespace Precis.Documents;

/// <summary>A line of page furniture taken out of an article's content, kept so a user can see what was dropped.</summary>
/// <param name="Span">The line's range in <see cref="Article.Text"/>.</param>
/// <param name="Text">The line itself.</param>
/// <param name="Reason">A short machine-readable reason, e.g. "caption", "byline-stub", "call-to-action".</param>
public sealed record RemovedLine(TextSpan Span, string Text, string Reason);
