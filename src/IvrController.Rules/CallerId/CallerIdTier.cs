namespace IvrController.Rules.CallerId;

/// <summary>The set of numbers a decision was made from.</summary>
public enum CallerIdTier
{
    SkillGroup,
    SameCity,
    SameProvince,
    WholePool,
}
