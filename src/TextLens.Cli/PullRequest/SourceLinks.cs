namespace TextLens.Cli.PullRequest;

/// <summary>
/// Links from a finding to its line on GitHub: on GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY
/// and GITHUB_SHA all set) the base is "{server}/{repository}/blob/{sha}/" plus the working folder's
/// path inside the checkout (GITHUB_WORKSPACE), so that a report path appended to it names the file.
/// Values that cannot make such a link (a server that is not an http(s) URL, a repository that is not
/// owner/name) give no links rather than a link that breaks the Markdown or HTML it is written into.
/// </summary>
public static class SourceLinks
{
    public static string? GitHubBase(Func<string, string?> environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? server = environment("GITHUB_SERVER_URL");
        string? repository = environment("GITHUB_REPOSITORY");
        string? sha = environment("GITHUB_SHA");
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(repository) || string.IsNullOrWhiteSpace(sha)
            || ServerBase(server) is not { } serverBase)
        {
            return null;
        }

        string[] ownerAndName = repository.Trim().Trim('/').Split('/');
        if (ownerAndName.Length != 2 || !ownerAndName.All(IsName))
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

            prefix = relative == "." ? string.Empty : string.Join('/', relative.TrimEnd('/').Split('/').Select(Uri.EscapeDataString)) + "/";
        }

        return $"{serverBase}/{ownerAndName[0]}/{ownerAndName[1]}/blob/{Uri.EscapeDataString(sha.Trim())}/{prefix}";
    }

    /// <summary>An http(s) URL without query or fragment, made only of characters a link target never needs to escape.</summary>
    private static string? ServerBase(string server)
    {
        if (!Uri.TryCreate(server.Trim(), UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        string text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '/' or '.' or '-' or '_' or '~' or '%') ? text : null;
    }

    /// <summary>A GitHub owner or repository name: letters, digits, '-', '_' and '.'.</summary>
    private static bool IsName(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
