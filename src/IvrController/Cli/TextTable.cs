using System.Text;

namespace IvrController.Cli;

/// <summary>A plain-text table for list and report verbs: a header row, columns padded to their widest cell (CJK counted double).</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells.Select(c => c ?? "").ToArray());
    }

    public override string ToString()
    {
        int[] widths = headers.Select(Width).ToArray();
        foreach (string[] row in _rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        foreach (string[] row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            line.Append(cells[i]);
            if (i < cells.Length - 1)
            {
                line.Append(' ', widths[i] - Width(cells[i]) + 2);
            }
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>Terminal columns: East Asian wide characters take two.</summary>
    private static int Width(string text)
    {
        int width = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;
}
