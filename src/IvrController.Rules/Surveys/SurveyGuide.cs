using System.Text;

namespace IvrController.Rules.Surveys;

/// <summary>
/// The guide a template gets from its keys when nobody wrote one: "满意请按1，一般请按2，不满意请按3。"
/// in Mandarin, "For 满意, press 1. …" style sentences in English.
/// </summary>
public static class SurveyGuide
{
    public static string FromKeys(IReadOnlyList<SurveyKey> keys, string language)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var guide = new StringBuilder();
        if (language == "en")
        {
            guide.Append("Please rate our service.");
            foreach (SurveyKey key in keys)
            {
                guide.Append(" For ").Append(key.Label.Trim()).Append(", press ").Append(KeyWord(key.Digit, english: true)).Append('.');
            }

            return guide.ToString();
        }

        for (int i = 0; i < keys.Count; i++)
        {
            guide.Append(i == 0 ? "" : "，").Append(keys[i].Label.Trim()).Append("请按").Append(KeyWord(keys[i].Digit, english: false));
        }

        return guide.Append('。').ToString();
    }

    private static string KeyWord(char digit, bool english) => digit switch
    {
        '*' => english ? "star" : "星号键",
        '#' => english ? "pound" : "井号键",
        _ => digit.ToString(),
    };
}
