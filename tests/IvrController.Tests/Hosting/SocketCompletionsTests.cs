using IvrController.Hosting;
using Xunit;

namespace IvrController.Tests.Hosting;

public sealed class SocketCompletionsTests
{
    [Fact]
    public void Serve_asks_for_inline_socket_completions_on_half_the_cores_unless_the_environment_already_says()
    {
        string? inline = Environment.GetEnvironmentVariable(SocketCompletions.Variable);
        string? threads = Environment.GetEnvironmentVariable(SocketCompletions.EventThreadsVariable);
        try
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, null);
            Environment.SetEnvironmentVariable(SocketCompletions.EventThreadsVariable, null);
            SocketCompletions.RunInline();
            Assert.Equal("1", Environment.GetEnvironmentVariable(SocketCompletions.Variable));
            Assert.Equal(SocketCompletions.EventThreadsFor(Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Environment.GetEnvironmentVariable(SocketCompletions.EventThreadsVariable));

            // An operator's choice stands.
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, "0");
            Environment.SetEnvironmentVariable(SocketCompletions.EventThreadsVariable, "3");
            SocketCompletions.RunInline();
            Assert.Equal("0", Environment.GetEnvironmentVariable(SocketCompletions.Variable));
            Assert.Equal("3", Environment.GetEnvironmentVariable(SocketCompletions.EventThreadsVariable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, inline);
            Environment.SetEnvironmentVariable(SocketCompletions.EventThreadsVariable, threads);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(8, 4)]
    [InlineData(64, 32)]
    public void A_controller_takes_half_the_cores_for_event_threads_and_at_least_one(int cores, int threads) =>
        Assert.Equal(threads, SocketCompletions.EventThreadsFor(cores));
}
