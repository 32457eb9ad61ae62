namespace TextLens.Cli.PullRequest;

/// <summary>
/// Links from a finding to its line on GitHub: on GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY
/// and GITHUB_SHA all set) the base is "{server}/{repository}/blob/{sha}/" plus the working folder's
/// path inside the checkout (GITHUB_WORKSPACE), so that a report path appended to it names the file.
/// </summary>
public static class SourceLinks
{
    public static string? GitHubBase(Func<string, string?> environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? server = environment("GITHUB_SERVER_URL");
        string? repository = environment("GITHUB_REPOSITORY");
        string? sha = environment("GITHUB_SHA");
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(repository) || string.IsNullOrWhiteSpace(sha))
        {
            return null;
        }

        string prefix = string.Empty;
        if (environment("GITHUB_WORKSPACE") is { Length: > 0 } workspace)
        {
            string relative = Path.GetRelativePath(Path.GetFullPath(workspace), Path.GetFullPath(workingDirectory)).Replace('\\', '/');
            if (relative.StartsWith("..", StringComparison.Ordinal))
            {
                return null;
            }

            prefix = relative == "." ? string.Empty : relative.TrimEnd('/') + "/";
        }

        return $"{server.TrimEnd('/')}/{repository.Trim('/')}/blob/{Uri.EscapeDataString(sha.Trim())}/{prefix}";
    }
}
