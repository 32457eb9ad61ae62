using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using System.Text.RegularExpressions;
using TextLens.Core.Reporting;

namespace TextLens.Cli;

/// <summary>
/// What the command line says when it is misused or asked for help: parse errors in the user's terms (no .NET
/// type names), a "did you mean" for a mistyped command or option, and exit codes and examples after --help.
/// </summary>
public static partial class CommandLineHelp
{
    /// <summary>Printed after every --help.</summary>
    public static readonly string Epilogue = new StringBuilder()
        .Append("\nExamples:\n")
        .Append("  textlens report docs/ --format markdown --output summary.md --fail-on warning\n")
        .Append("  cat article.txt | textlens report - --format json > report.json\n")
        .Append("\nExit codes:\n")
        .Append($"  {ExitCodes.Success}  every input analysed; no unsuppressed diagnostic at or above --fail-on\n")
        .Append($"  {ExitCodes.Findings}  at least one unsuppressed diagnostic at or above --fail-on\n")
        .Append($"  {ExitCodes.UsageOrInputError}  a usage error, an input that could not be analysed (missing, binary, badly encoded, too large), or a configuration file or entry that cannot be used (TL0010)\n")
        .Append($"  {ExitCodes.InternalError}  an internal error (a bug): one line on standard error; --verbose shows the stack trace\n")
        .ToString();

    /// <summary>Adds the examples and exit codes to the output of every --help under <paramref name="root"/>.</summary>
    public static void AddEpilogue(RootCommand root)
    {
        foreach (HelpOption help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction inner)
            {
                help.Action = new HelpWithEpilogue(inner);
            }
        }
    }

    /// <summary>
    /// Makes an empty value (<c>--data ""</c>, <c>-o ""</c>, <c>--corpus ""</c>) a usage error for every text option under
    /// <paramref name="command"/>: an empty path or pattern names nothing, and the file system APIs throw on one.
    /// </summary>
    public static void RejectEmptyValues(Command command)
    {
        foreach (Option option in command.Options.Where(o => o.ValueType == typeof(string) || o.ValueType == typeof(string[])))
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => t.Value.Length == 0))
                {
                    result.AddError($"{option.Name} needs a value, not an empty string.");
                }
            });
        }

        foreach (Command sub in command.Subcommands)
        {
            RejectEmptyValues(sub);
        }
    }

    /// <summary>Whether the parse asks for help (<c>--help</c>, <c>-h</c>, <c>-?</c>), which wins over its other errors.</summary>
    public static bool AsksForHelp(ParseResult parse) => parse.Action is HelpAction or HelpWithEpilogue;

    /// <summary>
    /// The lines to print for a failed parse: a "did you mean" for each mistyped command or option, then each other error
    /// in plain words. An error about a token that got a suggestion is left out (the suggestion says it better), and a
    /// mistyped command gets its suggestion alone: the errors after it ("Required command was not provided", its
    /// arguments unrecognised) all follow from the one typo.
    /// </summary>
    public static IEnumerable<string> DescribeErrors(ParseResult parse)
    {
        Command command = parse.CommandResult.Command;
        var suggested = new List<(string Token, string Line)>();
        foreach (string token in parse.UnmatchedTokens)
        {
            bool option = token.StartsWith('-');
            IEnumerable<string> candidates = option
                ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            if (Closest(token, candidates) is { } suggestion)
            {
                suggested.Add((token, $"'{token}' is not {(option ? "an option" : "a command")} of '{Path(command)}'; did you mean '{suggestion}'?"));
            }
        }

        string? firstWord = parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
        bool mistypedCommand = command.Subcommands.Count > 0 && suggested.Any(s => s.Token == firstWord);
        foreach ((_, string line) in suggested)
        {
            yield return line;
        }

        if (mistypedCommand)
        {
            yield break;
        }

        // A mistyped option leaves its value unmatched too ('--fromat json'): that error is the same typo.
        var explained = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> unmatched = parse.UnmatchedTokens;
        for (int i = 0; i < unmatched.Count; i++)
        {
            if (suggested.Any(s => s.Token == unmatched[i]))
            {
                explained.Add(unmatched[i]);
                if (unmatched[i].StartsWith('-') && i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
                {
                    explained.Add(unmatched[i + 1]);
                }
            }
        }

        foreach (var error in parse.Errors)
        {
            if (!explained.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                yield return Plain(error.Message);
            }
        }
    }

    /// <summary>The candidate nearest to <paramref name="typed"/> by edit distance, if it is near enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            int distance = Distance(typed, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, best.TrimStart('-').Length / 3) ? best : null;
    }

    /// <summary>Rewrites System.CommandLine's conversion error, which names a .NET type, in the user's terms.</summary>
    private static string Plain(string message)
    {
        Match m = ConversionError().Match(message);
        if (!m.Success)
        {
            return message;
        }

        string expected = m.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
            "System.Double" or "System.Single" or "System.Nullable`1[System.Double]" => "a number",
            "System.Boolean" => "true or false",
            _ => "a valid value",
        };
        return $"{m.Groups["option"].Value} takes {expected}, not '{m.Groups["value"].Value}'.";
    }

    private static string Path(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand ? Path(parent) + " " + command.Name
        : command is RootCommand ? "textlens" : "textlens " + command.Name;

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions: 'reprot' is one step from 'report').</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex ConversionError();

    private sealed class HelpWithEpilogue(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(Epilogue);
            return code;
        }
    }
}
