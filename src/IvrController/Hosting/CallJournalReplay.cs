using IvrController.Store.Calls.Journal;
using Microsoft.Extensions.Hosting;

namespace IvrController.Hosting;

/// <summary>Replays call records journaled during a database outage, for the host's lifetime.</summary>
public sealed class CallJournalReplay(CallRecordJournal journal) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => journal.RunAsync(stoppingToken);
}
