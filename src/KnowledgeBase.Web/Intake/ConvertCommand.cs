using System.CommandLine;
using KnowledgeBase.Core.Intake;

namespace KnowledgeBase.Web.Intake;

/// <summary>
/// <c>convert FILE [--url URL]</c>: a saved page, a PDF or plain text as a seed-data source file on stdout, and what
/// the editor should check (notes to place, furniture to remove) on stderr. It needs no database, so it runs before the
/// app is composed.
/// </summary>
internal static class ConvertCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "convert";

    public static Command Command()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An HTML page saved from a browser, a PDF or a plain-text file." };
        var url = new Option<string?>("--url") { Description = "The address the document was taken from (the front matter's url)." };
        var convert = new Command("convert", "Convert a document into a seed-data source (Markdown with front matter) on stdout.") { file, url };
        convert.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var path = r.GetRequiredValue(file);
            try
            {
                var document = DocumentConverter.Convert(await ReadAsync(path, ct), r.GetValue(url));
                await output.WriteAsync(document.ToSeedMarkdown());
                foreach (var line in document.Report())
                {
                    await error.WriteLineAsync(line);
                }
                return 0;
            }
            catch (Exception e) when (e is ConversionRefusedException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{path.Name}: {e.Message}");
                return 1;
            }
        });
        return convert;
    }

    /// <summary>The file's bytes; one over the converter's limit is refused before it is read.</summary>
    private static async Task<byte[]> ReadAsync(FileInfo path, CancellationToken ct)
    {
        if (!path.Exists)
        {
            throw new FileNotFoundException("No such file.");
        }
        DocumentConverter.CheckSize(path.Length);
        return await File.ReadAllBytesAsync(path.FullName, ct);
    }
}
