using System.Text.RegularExpressions;
using KnowledgeBase.Core.Intake;

namespace KnowledgeBase.UnitTests.Intake;

/// <summary>The two originals of the first corpus (copies of shared/seeds), converted as issue 16's acceptance states.</summary>
public class SeedTextConversionTests
{
    private static ConvertedDocument Convert(string fixture, string? url = null) =>
        DocumentConverter.Convert(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Intake", "Fixtures", fixture)), url);

    private static readonly ConvertedDocument Idsa = Convert("idsa-seed.txt");

    private static readonly ConvertedDocument Usip = Convert(
        "usip-seed.txt", "https://www.usip.org/publications/2024/11/how-should-seoul-respond-north-koreas-soldiers-russia");

    private static int Occurrences(string text, string words) => Regex.Count(text, Regex.Escape(words));

    [Fact]
    public void Idsa_has_27_footnote_definitions_23_markers_and_notes_13_14_25_26_unplaced()
    {
        Assert.Equal(Enumerable.Range(1, 27), Idsa.Footnotes.Select(f => f.Number));
        Assert.Equal(27, Regex.Count(Idsa.Body, @"^\[\^\d+\]: ", RegexOptions.Multiline));
        Assert.Equal(23, Idsa.Markers);
        Assert.Equal(23, Regex.Count(Idsa.Body, @"\[\^\d+\](?!:)"));
        Assert.Equal([13, 14, 25, 26], Idsa.Unplaced);
        Assert.Contains("notes 13, 14, 25 and 26", Idsa.EditorialNote, StringComparison.Ordinal);
        Assert.Contains(Idsa.Report(), l => l.StartsWith("note 13 has no marker in the text: Seo Ji-Eun", StringComparison.Ordinal));
    }

    [Fact]
    public void Idsa_markers_stand_right_after_the_punctuation_and_the_mangled_markup_is_gone()
    {
        Assert.Contains("geopolitics of the East Asian region.[^1] Notably", Idsa.Body, StringComparison.Ordinal);
        Assert.Contains("space technologies from Russia.[^11] The South Korean", Idsa.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<sup>", Idsa.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", Idsa.Body, StringComparison.Ordinal);
        Assert.Contains("[^20]: Park Hyun-ju and Cho Jung-woo, \"Calls Are Growing", Idsa.Body, StringComparison.Ordinal);
        Assert.Contains("[^17]: Yonhap, \"S. Korea, Canada Demand", Idsa.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Idsa_paragraphs_split_by_page_breaks_are_rejoined()
    {
        Assert.Contains("Ministers' Meeting, the two countries demanded the withdrawal", Idsa.Body, StringComparison.Ordinal);
        Assert.Contains("led by Kyiv's Defense Minister Rustem Umerov in Seoul", Idsa.Body, StringComparison.Ordinal);
        Assert.Contains("2 paragraphs they split rejoined", Idsa.EditorialNote, StringComparison.Ordinal);
        // The notes come after the whole article, the conclusion included.
        Assert.True(Idsa.Body.IndexOf("[^1]: ", StringComparison.Ordinal) > Idsa.Body.IndexOf("## Conclusion", StringComparison.Ordinal));
    }

    [Fact]
    public void Idsa_front_matter_comes_from_the_kicker_title_author_line_date_and_copyright_line()
    {
        var m = Idsa.Metadata;
        Assert.Equal("South Korea's Response to North Korean Troops in the Russia-Ukraine War", m.Title);
        Assert.Equal(["Ranjit Kumar Dhawan"], m.Authors);
        Assert.Equal("2024-12-05", m.Published);
        Assert.Equal("commentary", m.Kind);
        Assert.Equal("MP-IDSA", m.ShortName);
        Assert.Equal("Manohar Parrikar Institute for Defence Studies and Analyses", m.Publisher);
        Assert.StartsWith("South Korea has raised alarms over Pyongyang's support", Idsa.Body, StringComparison.Ordinal);
        var note11 = Idsa.Footnotes.Single(f => f.Number == 11);
        Assert.Equal(("Kim Arin", "$200m A Year, 700,000 Tons of Rice, Space Tech: The Deal for North Korea in Joining Russia's War", "The Korea Herald", "2024-11-03"),
            (note11.Authors, note11.Title, note11.Outlet, note11.Published));
        Assert.Equal("2022", Idsa.Footnotes[0].Published);
    }

    [Fact]
    public void Idsa_boilerplate_after_the_author_note_is_proposed_not_removed()
    {
        Assert.Contains("## About the Author\n\n**Dr. Ranjit Kumar Dhawan** is Associate Fellow", Idsa.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Idsa.Furniture, f => f.Text.Contains("Associate Fellow", StringComparison.Ordinal));
        Assert.Contains(Idsa.Furniture, f => f.Text.StartsWith("Disclaimer:", StringComparison.Ordinal));
        Assert.Contains(Idsa.Furniture, f => f.Text.StartsWith("© Manohar Parrikar", StringComparison.Ordinal));
        Assert.Contains(Idsa.Furniture, f => f.Text.Contains("New Delhi 110 010", StringComparison.Ordinal));
        Assert.All(Idsa.Furniture, f => Assert.Contains(f.Text, Idsa.Body, StringComparison.Ordinal));
        var trimmed = Idsa.BodyWithoutFurniture();
        Assert.DoesNotContain("Disclaimer", trimmed, StringComparison.Ordinal);
        Assert.Contains("[^27]: Hyung-Jin Kim", trimmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Usip_keeps_one_copy_of_the_key_takeaways_and_of_the_caption()
    {
        Assert.Equal(1, Occurrences(Usip.Body, "## Key takeaways"));
        Assert.Equal(1, Occurrences(Usip.Body, "- North Korea-Russia cooperation could shift"));
        Assert.Equal(1, Occurrences(Usip.Body, "*A soldier keeps watch at the Demilitarized Zone from Yeoncheon"));
        Assert.Contains("Printed twice in a row on the page, kept once: “Key takeaways” (4 blocks)", Usip.EditorialNote, StringComparison.Ordinal);
        // The caption's third printing, "PHOTO: …" at the end, is proposed for removal.
        Assert.Contains(Usip.Furniture, f => f.Text.StartsWith("PHOTO: A soldier", StringComparison.Ordinal) && f.Reason.Contains("caption", StringComparison.Ordinal));
    }

    [Fact]
    public void Usip_pull_quotes_are_marked_as_block_quotes()
    {
        Assert.Contains("\n\n> The greatest threat to South Korea, however, is the possibility that Russia might provide North Korea with advanced military technologies.\n\nThe greatest threat",
            Usip.Body, StringComparison.Ordinal);
        Assert.Contains("\n\n> Seoul could more explicitly align its arms sales to the West with an intent to support backfill efforts for Ukraine.\n\n",
            Usip.Body, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(Usip.Body, "^> ", RegexOptions.Multiline));
        Assert.Contains("pull quotes are set as block quotes", Usip.EditorialNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Usip_metadata_from_the_title_line_the_author_note_the_page_label_and_the_address()
    {
        var m = Usip.Metadata;
        Assert.Equal(("How Should Seoul Respond to North Korea's Soldiers in Russia?", "analysis", "2024-11", null), (m.Title, m.Kind, m.Published, m.Publisher));
        Assert.Equal(["Lami Kim"], m.Authors);
        Assert.Contains("publisher: not found; fill it in", Usip.Report());
        Assert.Equal("how-should-seoul-respond-to-north-korea-s-soldiers-in-russia", Usip.Slug);
        Assert.Contains(Usip.Furniture, f => f.Text == "PUBLICATION TYPE: Analysis");
        Assert.Contains(Usip.Furniture, f => f.Text == "The views expressed in this publication are those of the author(s).");
        Assert.Contains("## What Should South Korea Do?", Usip.Body, StringComparison.Ordinal);
        Assert.Empty(Usip.Footnotes);
    }

    [Fact]
    public void The_seed_file_has_the_front_matter_fields_in_the_seed_data_order()
    {
        var file = Idsa.ToSeedMarkdown();
        Assert.StartsWith("---\nslug: south-korea-s-response-to-north-korean-troops-in-the-russia-ukraine-war\ntitle: \"South Korea's Response", file, StringComparison.Ordinal);
        Assert.Contains("\nshort-name: MP-IDSA\nauthors: [Ranjit Kumar Dhawan]\npublisher: Manohar Parrikar Institute for Defence Studies and Analyses\nkind: commentary\npublished: 2024-12-05\neditorial-note: >-\n", file, StringComparison.Ordinal);
        Assert.Contains("footnotes:\n  1:\n    authors: Kyunghan Lim and Jaeho Kim\n    title: \"Impacts of Russia-Ukraine War on East Asian Regional Order\"\n    outlet: International Journal of Korean Unification Studies\n    published: \"2022\"\n    url:\n", file, StringComparison.Ordinal);
        Assert.Contains("\n---\n\nSouth Korea has raised alarms", file, StringComparison.Ordinal);
    }
}
