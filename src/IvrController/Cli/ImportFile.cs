using System.Diagnostics;
using System.Globalization;
using System.Text;
using IvrController.Admin;

namespace IvrController.Cli;

/// <summary>
/// What the import verbs share: open the admin's file (UTF-8, with or without a BOM), run the import,
/// and report either every bad line followed by one verdict line, or one summary line with counts and time.
/// </summary>
public static class ImportFile
{
    /// <summary>More bad lines than this are counted, not listed: a wrong file should not flood the terminal.</summary>
    public const int MaxLinesShown = 50;

    public static async Task RunAsync(
        CliContext context,
        string path,
        (string One, string Many) rows,
        Func<TextReader, Task<ImportResult>> import)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(import);
        long started = Stopwatch.GetTimestamp();
        ImportResult result;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            result = await import(reader).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"cannot read {path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }

        if (!result.IsImported)
        {
            foreach (ImportLineError error in result.Errors.Take(MaxLinesShown))
            {
                await context.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            if (result.Errors.Count > MaxLinesShown)
            {
                await context.Error.WriteLineAsync(Invariant($"… and {result.Errors.Count - MaxLinesShown:N0} more")).ConfigureAwait(false);
            }

            int lines = result.Errors.Select(e => e.Line).Distinct().Count();
            throw new CliException(Invariant($"nothing was imported: {lines:N0} line{(lines == 1 ? "" : "s")} of {Path.GetFileName(path)} must be fixed first"));
        }

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        string removed = result.Removed > 0 ? Invariant($", {result.Removed:N0} removed") : "";
        await context.Output.WriteLineAsync(Invariant(
            $"Imported {result.Rows:N0} {(result.Rows == 1 ? rows.One : rows.Many)} ({result.Added:N0} new, {result.Changed:N0} changed{removed}) in {seconds:F1} s")).ConfigureAwait(false);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
