using System.Text.Json;
using KnowledgeBase.Core.Exports;
using KnowledgeBase.Core.Sources;
using KnowledgeBase.Testing;
using KnowledgeBase.Testing.Schemas;

namespace KnowledgeBase.UnitTests.Exports;

public sealed class ExportFormatTests
{
    private static readonly DateOnly Retrieved = new(2025, 1, 15);

    private static Reference Kim() => Reference.ForFootnote("idsa", 11,
        new CitedWork { Authors = "Kim Arin", Title = "$200m A Year, 700,000 Tons of Rice", Outlet = "The Korea Times", Published = "2024-11-04", Url = "https://www.koreatimes.co.kr/x" },
        "Kim Arin, \"$200m A Year\", The Korea Times, 4 November 2024.", Retrieved);

    private static Reference Yonhap() => Reference.ForFootnote("idsa", 3,
        new CitedWork { Authors = "Yonhap", Title = "NK Troops {Assigned} & 100% \"ready\"", Outlet = "Yonhap", Published = "2024-10" },
        "Yonhap note", Retrieved);

    private static Reference Journal() => Reference.ForFootnote("idsa", 1,
        new CitedWork { Authors = "Kyunghan Lim and Jaeho Kim", Title = "Impacts of Russia-Ukraine War", Outlet = "Journal of Asian Security", Published = "2022" },
        "note", Retrieved);

    private static Reference Usip() => Reference.ForSource(Seed.Usip.Slug, "Seoul's Response", ["Lami Kim"], "United States Institute of Peace",
        "analysis", "2024-11", "https://www.usip.org/x", Retrieved);

    private static string DateParts(JsonElement date) =>
        "[[" + string.Join(',', date.GetProperty("date-parts").EnumerateArray().Single().EnumerateArray().Select(p => p.GetInt32())) + "]]";

    [Theory]
    [InlineData("Yonhap", null, null, "Yonhap")]
    [InlineData("Lami Kim", "Kim", "Lami", null)]
    [InlineData("Kim Arin", "Kim", "Arin", null)]
    [InlineData("Seo Ji-eun", "Seo", "Ji-eun", null)]
    [InlineData("Ranjit Kumar Dhawan", "Dhawan", "Ranjit Kumar", null)]
    public void Names_split_into_family_and_given_or_stay_literal(string name, string? family, string? given, string? literal) =>
        Assert.Equal(new ReferenceName(family, given, literal), ReferenceName.Parse(name));

    [Fact]
    public void Authors_joined_by_and_become_a_list()
    {
        var names = ReferenceName.ParseList("Kyunghan Lim and Jaeho Kim");
        Assert.Equal([new ReferenceName("Lim", "Kyunghan", null), new ReferenceName("Kim", "Jaeho", null)], names);
        Assert.Empty(ReferenceName.ParseList(""));
    }

    [Fact]
    public void Footnote_types_follow_the_outlet()
    {
        Assert.Equal("article-newspaper", Kim().Type);
        Assert.Equal("article-journal", Journal().Type);
        Assert.Equal("webpage", Reference.ForFootnote("s", 2, new CitedWork { Title = "t", Url = "https://x" }, "n", null).Type);
        Assert.Equal("article", Usip().Type);
        Assert.Equal("report", Reference.ForSource("r", "T", [], "P", "report", "2024", null, null).Type);
    }

    [Fact]
    public void Csl_json_has_the_zotero_fields()
    {
        var items = JsonDocument.Parse(CslJson.Write([Usip(), Kim(), Yonhap()])).RootElement;
        Assert.Equal(3, items.GetArrayLength());
        var usip = items[0];
        Assert.Equal("article", usip.GetProperty("type").GetString());
        Assert.Equal("United States Institute of Peace", usip.GetProperty("publisher").GetString());
        Assert.Equal("[[2024,11]]", DateParts(usip.GetProperty("issued")));
        Assert.Equal("[[2025,1,15]]", DateParts(usip.GetProperty("accessed")));
        Assert.Equal("https://www.usip.org/x", usip.GetProperty("URL").GetString());
        var kim = items[1];
        Assert.Equal("idsa-fn11", kim.GetProperty("id").GetString());
        Assert.Equal("article-newspaper", kim.GetProperty("type").GetString());
        Assert.Equal("The Korea Times", kim.GetProperty("container-title").GetString());
        Assert.Equal("Kim", kim.GetProperty("author")[0].GetProperty("family").GetString());
        Assert.Equal("Arin", kim.GetProperty("author")[0].GetProperty("given").GetString());
        Assert.Equal("[[2024,11,4]]", DateParts(kim.GetProperty("issued")));
        var yonhap = items[2];
        Assert.Equal("Yonhap", yonhap.GetProperty("author")[0].GetProperty("literal").GetString());
        Assert.False(yonhap.TryGetProperty("accessed", out _), "no URL, so nothing was accessed");
    }

    [Fact]
    public void Csl_json_validates_against_the_csl_data_schema()
    {
        var json = CslJson.Write([Usip(), Kim(), Yonhap(), Journal()]);
        Assert.Empty(CslDataSchema.Validate(json));
        // The schema can fail: an unknown type, a four-part date and an unknown variable are each reported where they are.
        var errors = CslDataSchema.Validate("""[{"id":"x","type":"newspaper","issued":{"date-parts":[[2024,1,2,3]]},"outlet":"y"}]""");
        Assert.Contains(errors, e => e.StartsWith("/0/type:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/0/issued/date-parts/0:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/0/outlet:", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Bibtex_fields_one_by_one()
    {
        var entries = BibTexReader.Parse(BibTex.Write([Kim(), Yonhap(), Usip(), Journal()]));
        Assert.Equal(4, entries.Count);
        var kim = entries[0];
        Assert.Equal(("article", "idsa-fn11"), (kim.Type, kim.Key));
        Assert.Equal("{\\$200m A Year, 700,000 Tons of Rice}", kim.Fields["title"]);
        Assert.Equal("Kim, Arin", kim.Fields["author"]);
        Assert.Equal("The Korea Times", kim.Fields["journal"]);
        Assert.Equal("2024", kim.Fields["year"]);
        Assert.Equal("nov", kim.Fields["month"]);
        Assert.Equal("2024-11-04", kim.Fields["date"]);
        Assert.Equal("https://www.koreatimes.co.kr/x", kim.Fields["url"]);
        Assert.Equal("2025-01-15", kim.Fields["urldate"]);
        var yonhap = entries[1];
        Assert.Equal("{Yonhap}", yonhap.Fields["author"]);
        Assert.Equal("{NK Troops \\{Assigned\\} \\& 100\\% \"ready\"}", yonhap.Fields["title"]);
        Assert.False(yonhap.Fields.ContainsKey("urldate"));
        Assert.Equal("misc", entries[2].Type);
        Assert.Equal("United States Institute of Peace", entries[2].Fields["publisher"]);
        Assert.Equal("Lim, Kyunghan and Kim, Jaeho", entries[3].Fields["author"]);
    }

    [Fact]
    public void Ris_fields_one_by_one()
    {
        var records = RisReader.Parse(Ris.Write([Kim(), Yonhap(), Usip(), Journal()]));
        Assert.Equal(4, records.Count);
        var kim = records[0];
        Assert.Equal(["NEWS"], kim["TY"]);
        Assert.Equal(["$200m A Year, 700,000 Tons of Rice"], kim["TI"]);
        Assert.Equal(["Kim, Arin"], kim["AU"]);
        Assert.Equal(["The Korea Times"], kim["T2"]);
        Assert.Equal(["2024"], kim["PY"]);
        Assert.Equal(["2024/11/04/"], kim["DA"]);
        Assert.Equal(["https://www.koreatimes.co.kr/x"], kim["UR"]);
        Assert.Equal(["2025/01/15"], kim["Y2"]);
        Assert.Equal(["Yonhap"], records[1]["AU"]);
        Assert.Equal(["2024/10//"], records[1]["DA"]);
        Assert.Equal(["GEN"], records[2]["TY"]);
        Assert.Equal(["JOUR"], records[3]["TY"]);
        Assert.Equal(["Lim, Kyunghan", "Kim, Jaeho"], records[3]["AU"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_per_rfc_4180(string? field, string expected) =>
        Assert.Equal(expected, ClaimCsv.Quote(field));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a=1", "a=1")]
    public void Csv_fields_a_spreadsheet_would_read_as_formulas_are_neutralised(string field, string expected) =>
        Assert.Equal(expected, ClaimCsv.Quote(field));
}
