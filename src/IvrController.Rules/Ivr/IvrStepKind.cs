namespace IvrController.Rules.Ivr;

public enum IvrStepKind
{
    /// <summary>Play <see cref="IvrStep.Notice"/> if any, then <see cref="IvrStep.Prompt"/>, collect one key, and call Next.</summary>
    Collect,

    /// <summary>Bridge the caller to <see cref="IvrStep.Action"/> (a skill group or an agent).</summary>
    Route,

    /// <summary>Play <see cref="IvrStep.Notice"/> if any, then hang up.</summary>
    Hangup,
}
