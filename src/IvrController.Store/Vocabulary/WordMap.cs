using System.Collections.Frozen;

namespace IvrController.Store.Vocabulary;

/// <summary>
/// The word the schema stores for each value of an enum ("skill_group" for <c>CallerIdRule.SkillGroup</c>).
/// ivrctl accepts the same words, so what an admin types is what <c>psql</c> shows.
/// </summary>
public sealed class WordMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _words;
    private readonly FrozenDictionary<string, TEnum> _values;

    public WordMap(params (TEnum Value, string Word)[] pairs)
    {
        _words = pairs.ToFrozenDictionary(p => p.Value, p => p.Word);
        _values = pairs.ToFrozenDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
        Choices = string.Join(" or ", pairs.Select(p => p.Word));
    }

    /// <summary>The accepted words for a message: "skill_group or same_region".</summary>
    public string Choices { get; }

    public string Word(TEnum value) =>
        _words.TryGetValue(value, out string? word) ? word : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no stored word.");

    public bool TryParse(string? word, out TEnum value) => _values.TryGetValue(word ?? "", out value);

    /// <summary>Reads a stored value; the schema's check constraints make an unknown one a bug, not bad input.</summary>
    public TEnum Parse(string word) =>
        TryParse(word, out TEnum value) ? value : throw new InvalidOperationException($"The database holds '{word}', which is not a {typeof(TEnum).Name} ({Choices}).");
}
