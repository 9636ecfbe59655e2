namespace IvrController.Rules.CallerId;

public enum NoCallerNumberReason
{
    /// <summary>The pool has no enabled number at all: a configuration problem.</summary>
    EmptyPool,

    /// <summary>Every enabled number is at its concurrency or daily cap: a capacity problem.</summary>
    AllAtCap,
}
