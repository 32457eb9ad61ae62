using System.CommandLine;
using TextLens.Cli.Scale;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Commands;

/// <summary>'textlens merge': combine partial results (shards, map tasks) into every output format.</summary>
public static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partials = new Argument<string[]>("partials")
        {
            Description = "Partial results to combine: json reports or JSON Lines (jsonl) written by 'textlens report --shard i/N' or by the map step ('report --stdin-format jsonl -'), made with the same TextLens version and options. '-' reads one partial from standard input (not with --format html, which needs the document count first).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Output format; repeat for several: {string.Join(", ", ReportFormatters.All.Select(f => f.Name))} (markdown also as md). Default: console. The output is the one a single 'report' over all the documents gives.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string[]>("--output", "-o")
        {
            Description = "File to write; the n-th --output goes with the n-th --format. Without one, the format goes to standard output. Files are written atomically.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a merged diagnostic has this severity or higher: none, suggestion, warning, error.",
            DefaultValueFactory = _ => "error",
        };
        var baseline = new Option<string>("--baseline") { Description = "Baseline file: findings recorded in it are marked suppressed in the merged result, as 'report --baseline' does." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour console output (also when NO_COLOR is set and not empty, or TERM is dumb)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No notes or warnings on standard error." };

        var command = new Command("merge", "Combine partial results (json or jsonl from 'report --shard' or the map step) into one report, identical to a single run over all the documents.")
        {
            partials, format, output, failOn, baseline, noColor, quiet,
        };
        command.SetAction(parse =>
        {
            var request = new MergeRequest(
                Partials: parse.GetValue(partials) ?? [],
                Formats: parse.GetValue(format) is { Length: > 0 } f ? f : ["console"],
                Outputs: parse.GetValue(output) ?? [],
                FailOn: ReportCommand.ParseSeverity(parse.GetValue(failOn)!, "--fail-on"),
                Color: context.ColorAllowed(parse.GetValue(noColor)),
                Quiet: parse.GetValue(quiet))
            {
                BaselinePath = parse.GetValue(baseline),
                Arguments = context.Arguments,
                WorkingDirectory = context.WorkingDirectory,
            };
            return MergeRunner.Run(request, context);
        });
        return command;
    }
}
