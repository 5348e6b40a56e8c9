using System.CommandLine;

namespace KnowledgeBase.Web.Shared;

/// <summary>How every maintenance command line runs.</summary>
public static class CommandLines
{
    /// <summary>
    /// Runs a command line: the exit code is the command's, or 2 for a line that does not parse, after what is wrong
    /// and the command's usage on stderr (never on stdout, which may be redirected to a file).
    /// </summary>
    public static async Task<int> InvokeAsync(Command command, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // Taken as typed: no @file expansion of an argument.
        var parsed = command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        await parsed.InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
        return 2;
    }
}
