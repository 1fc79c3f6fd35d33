namespace Precis.Server.Tests.Fixtures;

/// <summary>Short articles written for these tests (fictional events), two stories with three and two reports.</summary>
internal static class FictionalArticles
{
    public static readonly object[] Bridge =
    [
        new { title = "Ferry strikes Alder Bridge pier in Westhaven", source = "Westhaven Post", url = "https://westhaven.example/ferry-bridge", published = "2026-04-02",
              text = "A passenger ferry struck a pier of the Alder Bridge in Westhaven on Thursday morning. The ferry captain said fog hid the bridge pier. Engineers closed the Alder Bridge to traffic while divers inspected the damaged pier. Eleven ferry passengers were treated for minor injuries." },
        new { title = "Alder Bridge closed after ferry collision", source = "Coast Radio", url = "https://coastradio.example/alder-bridge", published = "2026-04-02",
              text = "The Alder Bridge in Westhaven stays closed after a ferry collided with one of its piers in thick fog. Divers and engineers inspected the damaged bridge pier. Officials said eleven passengers of the ferry had minor injuries." },
        new { title = "Divers finish Alder Bridge pier inspection", source = "Harbour Ledger", url = "https://ledger.example/alder-divers", published = "2026-04-03",
              text = "Divers finished inspecting the Alder Bridge pier that a ferry struck in fog in Westhaven. Engineers said the bridge could reopen to traffic next week once the damaged pier is braced. The ferry operator apologised to injured passengers." },
    ];

    public static readonly object[] Orchard =
    [
        new { title = "Hailstorm flattens Milbrook apple orchards", source = "Valley Farmer", url = "https://valleyfarmer.example/hail", published = "2026-06-11",
              text = "A hailstorm flattened apple orchards across Milbrook valley, destroying most of the harvest. Growers said hailstones the size of walnuts stripped the apple trees. The growers association asked for drought and storm relief funds." },
        new { title = "Milbrook growers count hail losses", source = "Milbrook Gazette", url = "https://gazette.example/hail-losses", published = "2026-06-12",
              text = "Apple growers in Milbrook valley counted their losses after the hailstorm stripped orchards. The growers association said most of the apple harvest was destroyed by hailstones and asked for relief funds." },
    ];
}
