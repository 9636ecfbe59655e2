using Microsoft.Extensions.Logging;

namespace IvrController.Store.Tests;

internal sealed record LogRecord(LogLevel Level, string Message, Exception? Exception);
