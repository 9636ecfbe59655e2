namespace IvrController.Admin;

/// <summary>
/// One field of an update: <c>default</c> leaves it as it is, <c>new(value)</c> sets it. For a nullable
/// field, <c>new(null)</c> clears it, which is why a plain null cannot mean "leave it".
/// </summary>
public readonly record struct Change<T>
{
    public Change(T value)
    {
        IsSet = true;
        Value = value;
    }

    public bool IsSet { get; }

    public T Value { get; }
}
