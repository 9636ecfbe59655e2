using IvrController.Rules.Settings;
using IvrController.Store.Calls;

namespace IvrController.Web.Reports;

/// <summary>Rated surveys averaged per agent and per day of the call centre; unrated ones (no answer, invalid) are not averaged.</summary>
public sealed record SurveyAverages(IReadOnlyList<SurveyAverage> PerAgent, IReadOnlyList<SurveyAverage> PerDay)
{
    public static SurveyAverages Of(IEnumerable<SurveyHistoryRow> rows, CallCentreDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        List<SurveyHistoryRow> rated = [.. rows.Where(r => r.Score is not null)];
        return new SurveyAverages(
            [.. rated.GroupBy(r => r.AgentId ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SurveyAverage(g.Key, g.Count(), g.Average(r => r.Score!.Value)))],
            [.. rated.GroupBy(r => day.DayOf(new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc))))
                .OrderBy(g => g.Key)
                .Select(g => new SurveyAverage(g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), g.Count(), g.Average(r => r.Score!.Value)))]);
    }
}

/// <summary>One agent's or one day's rated surveys: how many, and their average score.</summary>
public sealed record SurveyAverage(string Key, int Rated, double Average);
