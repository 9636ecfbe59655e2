using System.Globalization;
using System.Net;
using System.Text;

namespace IvrController.Web.Reports;

/// <summary>The average score per day as an inline SVG bar chart, drawn on the server (no script, no styles inline: classes only).</summary>
public static class ScoreChart
{
    public static string Svg(IReadOnlyList<SurveyAverage> days, string title)
    {
        ArgumentNullException.ThrowIfNull(days);
        const int Height = 180, Left = 30, Bottom = 150, Top = 15;
        int barWidth = 36, gap = 12;
        int width = Math.Max(240, Left + days.Count * (barWidth + gap) + gap);
        double max = Math.Max(5, days.Count == 0 ? 5 : Math.Ceiling(days.Max(d => d.Average)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{width - 5}\" y2=\"{Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Bottom}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{Top + 4}\">{max:0}</text><text x=\"2\" y=\"{Bottom}\">0</text>");
        for (int i = 0; i < days.Count; i++)
        {
            SurveyAverage day = days[i];
            double h = (Bottom - Top) * day.Average / max;
            double x = Left + gap + i * (barWidth + gap);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Bottom - h:0.#}\" width=\"{barWidth}\" height=\"{h:0.#}\"><title>{day.Key}: {day.Average:0.00} ({day.Rated})</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Bottom - h - 3:0.#}\">{day.Average:0.0}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Bottom + 14}\">{WebUtility.HtmlEncode(day.Key.Length >= 10 ? day.Key[5..] : day.Key)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
