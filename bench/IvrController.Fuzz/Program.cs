using IvrController.Fuzz;
using SharpFuzz;

// Under afl-fuzz (scripts/fuzz.sh): one process runs input after input (SharpFuzz's persistent mode).
// `replay FILE|DIR...` runs saved inputs and prints what each threw; `seeds CAPTURES OUT` writes the seed corpus.
switch (args)
{
    case []:
        using (var input = new MemoryStream())
        {
            Fuzzer.Run(stream =>
            {
                input.SetLength(0);
                stream.CopyTo(input);
                FrameTarget.Run(input.GetBuffer().AsSpan(0, (int)input.Length));
            });
        }

        return 0;
    case ["replay", .. var paths] when paths.Length > 0:
        return Replay.Run(paths);
    case ["seeds", var captures, var output]:
        return SeedCorpus.Write(captures, output);
    default:
        Console.Error.WriteLine("usage: IvrController.Fuzz                      (under afl-fuzz; scripts/fuzz.sh)");
        Console.Error.WriteLine("       IvrController.Fuzz replay FILE|DIR...   run saved inputs, print what each threw");
        Console.Error.WriteLine("       IvrController.Fuzz seeds CAPTURES OUT   write seeds from recorded *.jsonl traffic");
        return 2;
}
