namespace IvrController.Store.Calls.Journal;

/// <summary>What writing one journal entry to the call log did.</summary>
internal enum ApplyOutcome
{
    /// <summary>The row was inserted or updated.</summary>
    Written,

    /// <summary>The record was stored before (a replay after a crash, or a write that timed out but committed).</summary>
    AlreadyStored,

    /// <summary>A call's end found no stored call: keep it and try again later.</summary>
    NoSuchCall,
}
