using Precis.Documents;

namespace Precis.Rendering;

/// <summary>Writes a <see cref="Briefing"/> in one format. Renderers do no file I/O of their own.</summary>
public interface IBriefingRenderer
{
    /// <summary>The format's name on the command line ("markdown", "json").</summary>
    string Format { get; }

    void Render(Briefing briefing, TextWriter writer);
}
