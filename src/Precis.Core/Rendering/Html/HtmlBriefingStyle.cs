using System.Security.Cryptography;
using System.Text;

namespace Precis.Rendering.Html;

/// <summary>
/// The briefing's style sheet, shared by the standalone file and the server's pages. Pages include it inline and allow
/// it by hash in their Content-Security-Policy, so no 'unsafe-inline' is needed. One column under 700 px; print hides
/// navigation and disclosures' chrome.
/// </summary>
public static class HtmlBriefingStyle
{
    public const string Css =
        ":root{--ink:#1b1b1f;--muted:#5d5f66;--line:#e2e0da;--paper:#fff;--bg:#f4f2ed;--accent:#0b57d0;--mark:#fff1b8;--new:#d9480f;--inferred:#8a5cf6}" +
        "*{box-sizing:border-box}" +
        "body{font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:var(--bg);color:var(--ink)}" +
        "main{max-width:60rem;margin:0 auto;padding:1.5rem 2rem 3rem;background:var(--paper);min-height:100vh}" +
        "h1{font:700 1.9rem/1.2 Georgia,'Times New Roman',serif;margin:.4rem 0 .3rem}" +
        "h2{font-size:1.2rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}" +
        "h3{font-size:1rem;margin:1.2rem 0 .4rem}" +
        "a{color:var(--accent)}.muted{color:var(--muted)}.small{font-size:.85rem}.empty{color:var(--muted);font-style:italic}" +
        ".meta{color:var(--muted);margin:.2rem 0 1rem}" +
        "nav.toc{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9rem;padding:.6rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}" +
        "nav.toc a{text-decoration:none}" +
        ".summary{padding-left:1.1rem}.summary li{margin:.6rem 0;font-size:1.05rem}" +
        ".cites{font-size:.78rem;white-space:nowrap}" +
        ".cite{display:inline-block;min-width:1.35rem;padding:0 .3rem;margin-left:.15rem;border-radius:.6rem;background:#e8effd;text-align:center;text-decoration:none;font-weight:600}" +
        ".cite:hover{background:var(--accent);color:#fff}.reworded{font-size:.8rem;color:var(--muted);margin-left:.4rem}" +
        ".badge{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .45rem;border-radius:.6rem;vertical-align:middle;background:#eceae4;color:var(--ink)}" +
        ".badge.inferred{background:#efe8ff;color:#5b36c4}.badge.update{background:#e6f4ea;color:#1e6b34}.badge.conflict{background:#fde8e4;color:#a2281a}.badge.copy{font-weight:500}" +
        "svg.axis{width:100%;height:auto;max-height:5rem;display:block;margin:.2rem 0}" +
        ".axis-line{stroke:#9a9890;stroke-width:2}.axis-label{font-size:15px;fill:var(--muted)}" +
        ".mark{fill:var(--accent);fill-opacity:.75;stroke:#fff;stroke-width:2}.mark.inferred{fill:var(--paper);stroke:var(--inferred);stroke-width:3}" +
        ".legend{font-size:.8rem}.key{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;vertical-align:-1px;margin:0 .2rem 0 .6rem}" +
        ".key.stated{background:var(--accent)}.key.inferred{border:2px solid var(--inferred)}" +
        "ol.timeline{list-style:none;padding:0;margin:1rem 0;border-left:3px solid var(--line)}" +
        ".tl-entry{position:relative;padding:.1rem 0 .6rem 1.2rem}" +
        ".tl-entry::before{content:'';position:absolute;left:-.5rem;top:.45rem;width:.75rem;height:.75rem;border-radius:50%;background:var(--accent);border:2px solid var(--paper)}" +
        ".tl-entry.inferred::before{background:var(--paper);border:2px solid var(--inferred)}" +
        ".tl-entry time{font-weight:700}.tl-text{margin:.1rem 0}" +
        "details.evidence{font-size:.82rem;color:var(--muted)}details.evidence ul{margin:.2rem 0;padding-left:1.1rem}" +
        "summary{cursor:pointer}" +
        ".table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.93rem;margin:.3rem 0}" +
        "th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}" +
        ".value{font-weight:600}ol.before{margin:0;padding-left:1.1rem;font-size:.88rem}.chain{margin-top:.2rem}ul.changes{padding-left:1.1rem}ul.changes li{margin:.4rem 0}" +
        "ul.note{list-style:none;padding:0}" +
        "td.value{font-weight:600}.note{font-size:.85rem;color:var(--muted);margin:.2rem 0 1rem}" +
        ".speaker{border-left:3px solid var(--line);padding-left:.9rem;margin:1rem 0}.speaker h3{margin:0}.role{margin:.1rem 0;color:var(--muted);font-size:.9rem}" +
        "ul.quotes{padding-left:1rem;margin:.4rem 0}ul.quotes li{margin:.35rem 0}q{font-family:Georgia,serif;font-size:1.02rem}" +
        ".columns{display:grid;grid-template-columns:repeat(3,1fr);gap:1.5rem}" +
        "ul.entities{list-style:none;padding:0;margin:0}ul.entities li{margin:.3rem 0;font-size:.92rem}.aliases{font-style:italic;color:var(--muted)}" +
        "ol.sources li{margin:.55rem 0}.headline{font-weight:600}.outlet{font-weight:600}.date,.byline{color:var(--muted)}" +
        "details.article{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.3rem .8rem}details.article>summary{font-weight:600}" +
        ".num{display:inline-block;min-width:1.5rem;color:var(--muted)}.text p{margin:.6rem 0}" +
        ".s:target,li:target,.tl-entry:target{background:var(--mark);box-shadow:0 0 0 3px var(--mark);border-radius:2px}" +
        ".s,li,.tl-entry{scroll-margin-top:4rem}" +
        ".new{position:relative}.new::after{content:'new';margin-left:.4rem;font-size:.68rem;font-weight:700;color:#fff;background:var(--new);padding:0 .35rem;border-radius:.5rem;vertical-align:middle}" +
        ".tl-entry.new::after{position:absolute;right:0;top:.15rem}tr.new::after{content:none}tr.new td:first-child{box-shadow:inset 3px 0 0 var(--new)}" +
        ".new-since{background:#fff4e6;border:1px solid #ffc078;border-radius:.4rem;padding:.5rem .8rem}" +
        "footer{margin-top:2.5rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.6rem}" +
        "@media (max-width:700px){main{padding:1rem .9rem 2rem}h1{font-size:1.5rem}.columns{grid-template-columns:1fr;gap:.4rem}" +
        ".summary li{font-size:1rem}th,td{padding:.3rem .35rem}nav.toc{font-size:.85rem}" +
        "table.state thead{display:none}table.state tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}table.state td{display:block;border:0;padding:.1rem 0}" +
        "table.state td.what{font-weight:700}table.state td.none{display:none}table.state td[data-label]::before{content:attr(data-label);color:var(--muted);font-size:.8rem}}" +
        "@media print{body{background:#fff}main{max-width:none;padding:0}nav.toc,.read,details.evidence,svg.axis a title{display:none}" +
        "a{color:inherit;text-decoration:none}.cite{background:none;padding:0}h2{break-after:avoid}li,tr,.speaker{break-inside:avoid}.new::after{content:none}}";

    /// <summary>The CSP source allowing exactly <see cref="Css"/> inline: <c>'sha256-…'</c>.</summary>
    public static string CspHash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";
}
