namespace IvrController.Rules.CallerId;

/// <summary>Which of our numbers a customer sees.</summary>
public enum CallerIdRule
{
    /// <summary>Numbers linked to the agent's outbound skill groups, else the whole pool.</summary>
    SkillGroup,

    /// <summary>Numbers in the callee's city, then province, then the whole pool: customers answer local numbers.</summary>
    SameRegion,
}
