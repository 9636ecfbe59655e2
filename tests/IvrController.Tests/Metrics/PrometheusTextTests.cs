using System.Text;
using IvrController.Flows;
using IvrController.Metrics;
using IvrController.Rules.CallerId;
using Xunit;

namespace IvrController.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Label_values_escape_quote_backslash_and_line_feed(string value, string escaped) =>
        Assert.Equal(escaped, PrometheusText.EscapeLabel(value));

    [Fact]
    public void A_labelled_sample_quotes_each_value_and_a_float_uses_the_invariant_culture()
    {
        var text = new StringBuilder();

        PrometheusText.Sample(text, "m_total", [("a", "x\"y"), ("b", "z")], 3);
        PrometheusText.Sample(text, "m_seconds_sum", 0.25);

        Assert.Equal("m_total{a=\"x\\\"y\",b=\"z\"} 3\nm_seconds_sum 0.25\n", text.ToString());
    }

    [Fact]
    public void Every_outcome_flow_tier_and_rule_has_its_own_snake_case_label()
    {
        string[] labels =
        [
            .. Enum.GetValues<CallOutcomeKind>().Select(CallMetrics.Label),
        ];
        string[] tiers = [.. Enum.GetValues<CallerIdTier>().Select(CallMetrics.Label)];
        string[] flows = [.. Enum.GetValues<CallFlowKind>().Select(CallMetrics.Label)];
        string[] answers = [.. Enum.GetValues<SurveyAnswer>().Select(CallMetrics.Label)];

        foreach (string[] set in (string[][])[labels, tiers, flows, answers])
        {
            Assert.Equal(set.Distinct(), set);
            Assert.All(set, l => Assert.Matches("^[a-z_]+$", l));
        }

        Assert.DoesNotContain("hung_up", labels);
    }
}
