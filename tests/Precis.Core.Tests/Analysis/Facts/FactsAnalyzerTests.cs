using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Core.Tests.Analysis.Dates;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Facts;

/// <summary>Claim frames, relations and story state (issue 10), on small hand-written article sets.</summary>
public class FactsAnalyzerTests
{
    private static readonly DateOnly Mon = new(2025, 6, 2);

    private static StoryReport Story(ImmutableArray<SyndicationGroup>? groups, params Article[] articles)
    {
        var arr = articles.ToImmutableArray();
        var g = groups ?? [.. arr.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))];
        return StoryAnalyzer.Analyze(arr, g, DateAnalyzer.Analyze(arr), null);
    }

    private static FactsReport Analyze(ImmutableArray<SyndicationGroup>? groups, params Article[] articles)
    {
        var arr = articles.ToImmutableArray();
        var g = groups ?? [.. arr.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))];
        return FactsAnalyzer.Analyze(arr, g, DateAnalyzer.Analyze(arr));
    }

    private static ClaimFrame Frame(StoryReport s, string measure) => Assert.Single(s.Frames, f => f.Measure == measure);

    [Fact]
    public void Compatible_counts_from_two_outlets_corroborate()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "At least 50 dockers were injured in the blast.", Mon),
            DatesTestArticles.Make(2, "The blast injured 53 dockers, the union said.", Mon.AddDays(1)));
        var f = Frame(s, "injured");
        var r = Assert.Single(s.Relations, r => r.Kind == RelationKind.Corroboration);
        Assert.Equal(f.Id, r.Frame);
        Assert.Equal(2, r.IndependentSources);
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void A_syndication_group_counts_once()
    {
        var groups = ImmutableArray.Create(new SyndicationGroup(1, [1, 2], 0.9));
        var s = Story(groups,
            DatesTestArticles.Make(1, "Twelve sailors were injured in the blast.", Mon),
            DatesTestArticles.Make(2, "Twelve sailors were injured in the blast at sea.", Mon));
        var step = Assert.Single(s.States).Current!;
        Assert.Equal(2, step.Articles.Length);
        Assert.Equal(1, step.IndependentSources);
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Corroboration);
    }

    [Fact]
    public void A_relayed_report_is_not_independent_of_the_agency_it_relays()
    {
        var relay = DatesTestArticles.Make(2, "About 4,000 people have fled the valley, the Northbridge Agency reported.", Mon) with { Outlet = "Harbour Times" };
        var agency = DatesTestArticles.Make(1, "About 4,000 people have fled the valley since Friday.", Mon) with { Outlet = "Northbridge Agency" };
        var s = Story(null, agency, relay);
        var f = Frame(s, "displaced");
        Assert.Equal(1, s.States[f.Id - 1].Current!.IndependentSources);
        var relayed = s.Claims.Single(c => c.Article == 2);
        Assert.Equal(["the Northbridge Agency", "Harbour Times"], relayed.Chain.ToArray());
    }

    [Fact]
    public void A_later_higher_toll_is_an_update_and_the_current_value()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Three people died in the blast at the dock.", Mon),
            DatesTestArticles.Make(2, "Five people have now died after the blast, officials said.", Mon.AddDays(2)));
        var u = Assert.Single(s.Relations, r => r.Kind == RelationKind.Update);
        var state = s.States[u.Frame - 1];
        Assert.Equal("5", state.Current!.Value.Display);
        Assert.Equal(["3", "5"], state.Sequence.Select(x => x.Value.Display).ToArray());
    }

    [Fact]
    public void Different_counts_from_two_sources_on_one_day_conflict_and_leave_the_frame_disputed()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Three people died in the blast at the dock, the ministry said.", Mon),
            DatesTestArticles.Make(2, "Seven people died in the blast at the dock, the union said.", Mon));
        var c = Assert.Single(s.Relations, r => r.Kind == RelationKind.Conflict);
        var state = s.States[c.Frame - 1];
        Assert.Null(state.Current);
        Assert.Equal(2, state.Disputed.Length);
    }

    [Fact]
    public void A_toll_brought_higher_the_next_day_by_another_source_is_an_update_not_a_conflict()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Two people died in the blast at the dock, the port authority said.", Mon),
            DatesTestArticles.Make(2, "A crane driver died of his burns on Tuesday, bringing the death toll from the blast to three, the fire service said.", Mon.AddDays(1)));
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
        var u = Assert.Single(s.Relations, r => r.Kind == RelationKind.Update);
        Assert.Equal("3", s.States[u.Frame - 1].Current!.Value.Display);
    }

    [Fact]
    public void A_party_revising_its_toll_updates_its_own_figure_and_still_conflicts_with_the_other_party()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Nine people were killed in the shelling of Westvale, the health ministry said.", Mon),
            DatesTestArticles.Make(2, "Twenty-seven people were killed in the shelling of Westvale, the rebel council said.", Mon),
            DatesTestArticles.Make(3, "The toll from the shelling of Westvale has risen to 11, the health ministry said.", Mon.AddDays(1)));
        var f = Frame(s, "killed");
        var update = Assert.Single(s.Relations, r => r.Kind == RelationKind.Update);
        Assert.Equal(1, s.ClaimById(update.From[0]).Article);
        Assert.Equal(3, s.ClaimById(update.To[0]).Article);
        Assert.Equal(2, s.Relations.Count(r => r.Kind == RelationKind.Conflict));
        Assert.Null(s.States[f.Id - 1].Current);
    }

    [Fact]
    public void Votes_of_two_candidates_are_two_frames_and_never_conflict()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Anna Varga won 12,400 votes and Peter Holm won 11,900 votes, the electoral board said.", Mon),
            DatesTestArticles.Make(2, "Peter Holm received 11,900 votes, the electoral board said on Monday.", Mon));
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
        Assert.Equal(["Anna Varga", "Peter Holm"], s.Frames.Where(f => f.Measure == "votes").Select(f => f.Subject ?? "").Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_person_detained_then_released_is_an_update_and_a_denial_on_the_day_is_a_conflict()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Opposition leader Lena Marsh was detained by police on Monday, her lawyer said.", Mon),
            DatesTestArticles.Make(2, "The interior ministry denied that Lena Marsh had been arrested.", Mon),
            DatesTestArticles.Make(3, "Lena Marsh was released on Wednesday, her lawyer said.", Mon.AddDays(2)));
        var f = Frame(s, "detention");
        var state = s.States[f.Id - 1];
        Assert.Equal("released", state.Current!.Value.Status);
        Assert.Contains(s.Relations, r => r.Kind == RelationKind.Conflict && r.Frame == f.Id);
        Assert.Contains(s.Relations, r => r.Kind == RelationKind.Update && r.Frame == f.Id);
    }

    [Fact]
    public void A_toll_for_one_strike_and_a_toll_for_days_of_bombing_are_different_frames()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "In one air strike on Northport at least 30 people were killed, residents said.", Mon),
            DatesTestArticles.Make(2, "Six days of heavy bombing have killed dozens in the region, the monitor said.", Mon));
        Assert.Equal(2, s.Frames.Count(f => f.Measure == "killed"));
        Assert.Empty(s.Relations);
    }

    [Fact]
    public void A_war_wide_toll_in_a_background_paragraph_is_about_the_war_not_the_place_named_before()
    {
        // The war's total and the paragraph after it are background: neither is a toll or a displacement in Lowmarsh.
        var s = Story(null,
            DatesTestArticles.Make(1, "Shelling on Lowmarsh killed eight civilians on Monday, the monitor said.\n\n"
                + "More than 90,000 people are estimated to have been killed in the Tervish war, which began in 2019. Millions have been displaced.", Mon),
            DatesTestArticles.Make(2, "About 4,000 people have fled Lowmarsh since Friday, aid workers said.", Mon));
        var war = Assert.Single(s.Claims, c => c.Value.Count!.Value == 90_000);
        Assert.Equal("war", war.Subject);
        Assert.Null(war.Place);
        Assert.True(war.Running);
        var fled = Assert.Single(s.Claims, c => c.Measure == "displaced" && c.Article == 1);
        Assert.Equal("war", fled.Subject);
        Assert.NotEqual("Lowmarsh", fled.Place);
        // A war-wide count never joins the town's frame, so no relation is made between millions and 4,000.
        Assert.Equal(2, s.Frames.Count(f => f.Measure == "displaced"));
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void Since_the_conflict_began_and_a_country_name_make_a_war_scope_with_that_country_as_place()
    {
        var s = Story(null, DatesTestArticles.Make(1, "Fighting raged around Lowmarsh on Monday.\n\n"
            + "More than 90,000 people have been killed in Tervania since the conflict began, the monitor said.", Mon));
        var war = Assert.Single(s.Claims, c => c.Measure == "killed");
        Assert.Equal("war", war.Subject);
        Assert.Equal("Tervania", war.Place);
    }

    [Fact]
    public void A_toll_with_the_town_takes_the_place_in_focus_not_a_possessor_named_before()
    {
        // The place named last before the toll is Vardia, where the guards came from; "the town" is Eastharbour.
        var s = Story(null, DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said. "
            + "Guards sent from Vardia fought alongside the troops, the monitor said. "
            + "More than 80 fighters were killed in three days of combat to retake the town, the monitor said.", Mon));
        var toll = Assert.Single(s.Claims, c => c.Measure == "killed");
        Assert.Equal("Eastharbour", toll.Place);
    }

    [Fact]
    public void A_place_in_the_possessive_is_not_the_object_of_a_control_verb()
    {
        // "losing Vardia's second city of Mosk": Vardia is not lost; no claim says so.
        var s = Story(null, DatesTestArticles.Make(1, "Aid convoys reached towns in Vardia last year. The group has suffered defeats, losing Vardia's second city of Mosk in July.", Mon));
        Assert.DoesNotContain(s.Claims, c => c.Measure == "control" && c.Subject == "Vardia");
    }

    [Fact]
    public void The_holder_of_a_non_restrictive_relative_clause_is_its_antecedent()
    {
        var s = Story(null, DatesTestArticles.Make(1, "The alliance of Kerran and Tovish fighters, which captured Mosk, is advancing east.", Mon));
        var c = Assert.Single(s.Claims, c => c.Measure == "control");
        Assert.Equal("Mosk", c.Subject);
        Assert.Contains("Tovish fighters", c.Value.Holder, StringComparison.Ordinal);
    }

    [Fact]
    public void An_asserter_named_in_full_then_by_its_head_is_one_source()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Twelve people were killed in the shelling of Lowmarsh, the Kessian rights monitor said.", Mon) with { Outlet = "Harbour Times" },
            DatesTestArticles.Make(2, "Twelve people were killed in the shelling of Lowmarsh, the monitor said.", Mon) with { Outlet = "Valley Post" });
        Assert.Equal(1, Assert.Single(s.States).Current!.IndependentSources);
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Corroboration);
    }

    [Fact]
    public void A_side_named_by_two_bare_head_nouns_is_one_asserter()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", Mon) with { Outlet = "Harbour Times" },
            DatesTestArticles.Make(2, "Northern troops captured Eastharbour on Monday, the military said.", Mon) with { Outlet = "Valley Post" });
        Assert.Equal(1, s.States[Frame(s, "control").Id - 1].Current!.IndependentSources);
    }

    [Fact]
    public void A_head_shared_by_two_named_asserters_stays_two_sources()
    {
        // "the ministry" could be either ministry: it joins neither, and the two named ministries stay apart.
        var s = Story(null,
            DatesTestArticles.Make(1, "Twelve people were killed in the shelling of Lowmarsh, the Kessian health ministry said.", Mon) with { Outlet = "Harbour Times" },
            DatesTestArticles.Make(2, "Twelve people were killed in the shelling of Lowmarsh, the Kessian interior ministry said.", Mon) with { Outlet = "Valley Post" });
        Assert.Equal(2, Assert.Single(s.States).Current!.IndependentSources);
    }

    [Fact]
    public void The_subject_of_put_the_number_at_asserts_the_figure()
    {
        // The second outlet relays the police figure without a speech verb: it is the police's figure, not the outlet's.
        var s = Story(null,
            DatesTestArticles.Make(1, "Police arrested 87 people in Lowmarsh on Monday, a police spokesman said.", Mon) with { Outlet = "Harbour Times" },
            DatesTestArticles.Make(2, "Police have put the number of arrests in Lowmarsh at 87.", Mon) with { Outlet = "Valley Post" });
        var relayed = Assert.Single(s.Claims, c => c.Article == 2);
        Assert.Equal("Police", relayed.Chain[0]);
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Corroboration);
    }

    [Fact]
    public void A_contested_place_is_a_control_state_between_two_holders()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", Mon),
            DatesTestArticles.Make(2, "Control of Eastharbour was contested on Tuesday, residents said.", Mon.AddDays(1)),
            DatesTestArticles.Make(3, "Rebel fighters captured Eastharbour on Wednesday, the rebels said.", Mon.AddDays(2)));
        var f = Frame(s, "control");
        var state = s.States[f.Id - 1];
        Assert.Equal(["held by Northern troops", "contested", "held by Rebel fighters"], state.Sequence.Select(x => x.Value.Display).ToArray());
        Assert.Equal(2, s.Relations.Count(r => r.Kind == RelationKind.Update));
    }

    [Fact]
    public void A_projected_winner_then_a_declared_winner_is_an_update_of_who_won()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Marta Velenko has won the Dunmore mayoral election, the Dunmore Courier projected on Sunday.", Mon),
            DatesTestArticles.Make(2, "The electoral board declared Pavel Oster the winner of the Dunmore mayoral election on Friday.", Mon.AddDays(5)));
        var f = Frame(s, "winner");
        var state = s.States[f.Id - 1];
        Assert.Equal("won by Pavel Oster", state.Current!.Value.Display);
        Assert.Single(s.Relations, r => r.Kind == RelationKind.Update);
    }

    [Fact]
    public void An_increment_is_not_a_value()
    {
        var s = Story(null, DatesTestArticles.Make(1, "The toll rose to nine on Tuesday after two more bodies were found, police said.", Mon));
        var c = Assert.Single(s.Claims, c => c.Measure == "killed");
        Assert.Equal(9, c.Value.Count!.Value);
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void One_article_in_one_voice_does_not_conflict_with_itself()
    {
        // The outlet's own two figures for what the matcher takes as one frame are not two parties disagreeing.
        var s = Story(null, DatesTestArticles.Make(1, "Floods killed 12 people in Ombrin on Monday. In the lower valley of Ombrin, 4 people were killed.", Mon));
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void Two_parties_quoted_in_one_article_still_conflict()
    {
        var s = Story(null, DatesTestArticles.Make(1, "Shelling of Ombrin killed nine civilians on Monday, the health ministry said. "
            + "The rebel council said the shelling of Ombrin had killed 27 people on Monday.", Mon));
        Assert.Single(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void Counts_about_differently_named_places_do_not_conflict()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Shelling on Northport killed eight civilians.", Mon),
            DatesTestArticles.Make(2, "Air strikes on Southbay killed at least 50 civilians.", Mon));
        Assert.Empty(report.Conflicts);
    }

    [Fact]
    public void A_range_in_words_is_one_value()
    {
        var s = Story(null, DatesTestArticles.Make(1, "Between 30 and 40 people were missing after the storm.", Mon));
        var q = Assert.Single(s.Claims).Value.Count!;
        Assert.Equal(30, q.Low);
        Assert.Equal(40, q.High);
    }

    [Fact]
    public void Control_of_a_place_taken_lost_and_retaken_is_a_sequence_of_updates()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", Mon),
            DatesTestArticles.Make(2, "Rebel fighters regained control of Eastharbour on Thursday after an ambush.", Mon.AddDays(3)),
            DatesTestArticles.Make(3, "Northern troops retook Eastharbour on Wednesday, officials said.", Mon.AddDays(9)));
        var f = Frame(s, "control");
        Assert.Equal("control of Eastharbour", f.Label);
        var state = s.States[f.Id - 1];
        Assert.Equal([1, 2, 3], state.Sequence.Select(x => x.Articles.Single()).ToArray());
        Assert.Equal(3, state.Current!.Articles.Single());
        Assert.Equal(2, s.Relations.Count(r => r.Kind == RelationKind.Update));
        Assert.DoesNotContain(s.Relations, r => r.Kind == RelationKind.Conflict);
    }

    [Fact]
    public void An_undated_report_is_never_placed_after_the_last_day_it_can_have_been_published()
    {
        // Report 4's publication is only bounded (two days either side of Monday): its "taken control" is Monday's
        // capture, not the retaking that report 3 (published after Thursday's loss) tells, though both name the army.
        static Article Bounded(int n, string text, DateOnly from, DateOnly? to) =>
            DatesTestArticles.Make(n, text, from) with { Published = new PublicationDate(from, null, DatePrecision.Day, "test", true, from, to) };
        var s = Story(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", Mon),
            DatesTestArticles.Make(2, "Rebel fighters regained control of Eastharbour on Thursday after an ambush.", Mon.AddDays(3)),
            Bounded(3, "The army said it had taken full control of Eastharbour again.", Mon.AddDays(4), null),
            Bounded(4, "The army says it has taken full control of Eastharbour.", Mon.AddDays(-2), Mon.AddDays(2)));
        var f = Frame(s, "control");
        var state = s.States[f.Id - 1];
        Assert.Equal(3, state.Current!.Articles.Single());
        Assert.DoesNotContain(state.Sequence.Skip(1), x => x.Articles.Contains(4));
    }

    [Fact]
    public void A_hyphenated_held_or_controlled_is_an_adjective_not_a_control_claim()
    {
        // "rebel-held" and "army-controlled" describe a noun; only "captured" is this sentence's control verb.
        var s = Story(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour as shelling hit the rebel-held enclave near Westbridge "
                + "and the army-controlled outskirts of Lowmarsh.", Mon));
        var f = Frame(s, "control");
        Assert.Equal("control of Eastharbour", f.Label);
    }

    [Fact]
    public void Under_control_then_flared_up_is_an_update()
    {
        var s = Story(null,
            DatesTestArticles.Make(1, "Crews brought the blaze under control on Monday.", Mon),
            DatesTestArticles.Make(2, "The fire flared up again on Tuesday afternoon.", Mon.AddDays(1)));
        var u = Assert.Single(s.Relations, r => r.Kind == RelationKind.Update);
        Assert.Equal("containment", s.FrameById(u.Frame).Measure);
    }

    [Fact]
    public void What_changed_since_lists_the_change_and_the_new_frame_only()
    {
        var articles = new[]
        {
            DatesTestArticles.Make(1, "Three people died in the blast at the dock.", Mon),
            DatesTestArticles.Make(2, "Five people have now died after the blast, officials said.\n\nCrews brought the blaze under control on Wednesday.", Mon.AddDays(2)),
        };
        var s = Story(null, articles);
        var changes = StoryChanges.Since(s, [.. articles], new DateTimeOffset(Mon.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.Step.Value.Display == "5");
        Assert.Contains(changes, c => c.Kind == ChangeKind.NewFrame && s.FrameById(c.Frame).Measure == "containment");
        Assert.Empty(StoryChanges.Since(s, [.. articles], new DateTimeOffset(Mon.AddDays(5).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
    }

    [Fact]
    public void Every_claim_evidence_is_verbatim_from_its_article()
    {
        var articles = new[]
        {
            DatesTestArticles.Make(1, "At least 50 dockers were injured in the blast.\n\nCrews brought the blaze under control on Monday.", Mon),
            DatesTestArticles.Make(2, "The blast injured 70 dockers.\n\nThe fire flared up again on Tuesday.", Mon.AddDays(1)),
        };
        var s = Story(null, articles);
        Assert.NotEmpty(s.Claims);
        foreach (var c in s.Claims)
        {
            var text = articles[c.Article - 1].Text;
            Assert.Equal(c.Text, c.Span.Slice(text));
            Assert.Equal(c.EvidenceText, c.Evidence.Slice(text));
        }
    }
}
