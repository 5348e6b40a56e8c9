using System.Text;
using KnowledgeBase.Core.Intake;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KnowledgeBase.UnitTests.Intake;

/// <summary>A small PDF written here with PdfPig, plain text, and the files the converter refuses.</summary>
public class PdfAndRefusalTests
{
    /// <summary>
    /// Two pages: the title, a heading, a paragraph with a raised small marker, a note at the foot of page 1 in small type, and a
    /// paragraph that the page break cuts in the middle of a sentence.
    /// </summary>
    private static byte[] TwoPagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Troops in Kursk";
        builder.DocumentInformation.Author = "Ranjit Kumar Dhawan";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Troops in Kursk", 18, new PdfPoint(50, 790), font);
        page.AddText("Why North Korea Sent Troops", 14, new PdfPoint(50, 760), font);
        var line = page.AddText("The war has a profound impact on the region.", 11, new PdfPoint(50, 740), font);
        page.AddText("1", 7, new PdfPoint(line[^1].EndBaseLine.X + 0.5, 744), font);
        page.AddText("It also strengthened an alliance between the", 11, new PdfPoint(50, 726), font);
        page.AddText("two countries, which", 11, new PdfPoint(50, 712), font);
        page.AddText("1 Kyunghan Lim, \"Impacts of the War\", Journal of Studies, 2022.", 8, new PdfPoint(50, 60), font);
        var second = builder.AddPage(PageSize.A4);
        second.AddText("worries Seoul and Tokyo alike.", 11, new PdfPoint(50, 780), font);
        return builder.Build();
    }

    [Fact]
    public void A_pdf_text_layer_gives_headings_markers_notes_and_paragraphs_rejoined_across_the_page_break()
    {
        var doc = DocumentConverter.Convert(TwoPagePdf());
        Assert.Equal("a PDF's text layer", doc.Format);
        Assert.Equal("Troops in Kursk", doc.Metadata.Title);
        Assert.Equal(["Ranjit Kumar Dhawan"], doc.Metadata.Authors);
        Assert.Equal(
            "## Why North Korea Sent Troops\n\n"
            + "The war has a profound impact on the region.[^1] It also strengthened an alliance between the two countries, which worries Seoul and Tokyo alike.\n\n"
            + "[^1]: Kyunghan Lim, \"Impacts of the War\", Journal of Studies, 2022.",
            doc.Body);
        Assert.Equal((1, 0), (doc.Markers, doc.Unplaced.Count));
    }

    [Fact]
    public void Plain_text_with_a_notes_section()
    {
        var doc = DocumentConverter.Convert(Encoding.UTF8.GetBytes(
            "A Short Piece\n\nBy Kim Arin\n\n3 November 2024\n\nThe deal brings money and rice.<sup>1</sup> And space technology.<sup>2</sup>\n\n"
            + "Notes\n\n1. Kim Arin, \"$200m A Year\", The Korea Herald, 3 November 2024.\n2. Yonhap, \"Missiles\", The Korea Times, 22 November 2024.\n"));
        Assert.Equal(("A Short Piece", "2024-11-03"), (doc.Metadata.Title, doc.Metadata.Published));
        Assert.Equal(["Kim Arin"], doc.Metadata.Authors);
        Assert.Equal(
            "The deal brings money and rice.[^1] And space technology.[^2]\n\n## Notes\n\n"
            + "[^1]: Kim Arin, \"$200m A Year\", The Korea Herald, 3 November 2024.\n\n"
            + "[^2]: Yonhap, \"Missiles\", The Korea Times, 22 November 2024.",
            doc.Body);
    }

    [Fact]
    public void Wrapped_lines_are_one_paragraph_and_a_superscript_without_a_note_stays_plain()
    {
        var doc = DocumentConverter.Convert(Encoding.UTF8.GetBytes(
            "Title Of The Piece\n\nThis paragraph was wrapped at a fixed width by whoever saved it\nand goes on over a second line, measured in m<sup>2</sup>.\n"));
        Assert.Equal("This paragraph was wrapped at a fixed width by whoever saved it and goes on over a second line, measured in m2.", doc.Body);
        Assert.Contains("1 superscript number with no note of that number is kept as plain text.", doc.EditorialNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "The file is empty.")]
    [InlineData(50 * 1024 * 1024, "The file is 50 MB; the converter takes files of up to 10 MB.")]
    public void Empty_and_oversized_files_are_refused(int size, string message)
    {
        var e = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert(new byte[size]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_binary_that_is_not_a_pdf_is_refused()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE };
        var e = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert(png));
        Assert.Equal("The file is neither a PDF nor UTF-8 text (an HTML page or plain text): it holds binary data.", e.Message);
        var nul = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert("text\0with a NUL"u8.ToArray()));
        Assert.Equal("The file is neither a PDF nor text (an HTML page or plain text): it holds control characters.", nul.Message);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused()
    {
        var encrypted = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Intake", "Fixtures", "encrypted.pdf"));
        var e = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert(encrypted));
        Assert.Equal("The PDF is encrypted (password-protected): save a copy without protection and try again.", e.Message);
    }

    [Fact]
    public void A_damaged_pdf_and_one_without_text_are_refused()
    {
        var damaged = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert("%PDF-1.7\nnot really a pdf"u8.ToArray()));
        Assert.Equal("The file starts like a PDF but cannot be read as one (damaged or incomplete).", damaged.Message);
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var blank = Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert(builder.Build()));
        Assert.Equal("No text found in a PDF's text layer (a scanned PDF has images, not text).", blank.Message);
    }

    [Fact]
    public void White_space_alone_is_refused() =>
        Assert.Equal("The file holds only white space.",
            Assert.Throws<ConversionRefusedException>(() => DocumentConverter.Convert(" \n\t\n"u8.ToArray())).Message);
}
