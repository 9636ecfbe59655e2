namespace IvrController.CustomerIds;

/// <summary>One remembered answer; <see cref="Value"/> null means "the service has none".</summary>
internal readonly record struct CacheEntry<TValue>(string Key, TValue? Value, DateTimeOffset ExpiresAt)
    where TValue : class;
