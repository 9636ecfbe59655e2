using System.Text;

namespace IvrController.Cli;

/// <summary>
/// A plain-text table for list verbs: a header row, columns padded to line up, no trailing spaces.
/// Chinese characters take two terminal columns, so widths are counted the way a terminal shows them.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private const string Gap = "  ";

    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public async Task WriteAsync(TextWriter output)
    {
        int[] widths = new int[headers.Length];
        foreach (string[] row in _rows.Prepend(headers))
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
            }
        }

        var line = new StringBuilder();
        foreach (string[] row in _rows.Prepend(headers))
        {
            line.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                line.Append(row[i]);
                if (i < row.Length - 1)
                {
                    line.Append(' ', widths[i] - DisplayWidth(row[i])).Append(Gap);
                }
            }

            await output.WriteLineAsync(line.ToString().TrimEnd()).ConfigureAwait(false);
        }
    }

    /// <summary>Terminal columns of <paramref name="text"/>: East Asian wide and full-width characters count twice.</summary>
    public static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F)
            or (>= 0x2E80 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x20000 and <= 0x3FFFD);
}
