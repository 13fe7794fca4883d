using Compiled.Datasets;

namespace Compiled.TestWriter;

/// <summary>
/// A save that stops in the middle: the temporary file is created and partly written, "writing" is printed,
/// and the save goes on only when a line arrives on stdin. The test kills some of these processes there.
/// </summary>
internal static class Hold
{
    public static int Run(string file, string text, string? version)
    {
        if (version is null) new PausingTextDataset(file, versioning: null).Save(text);
        else new PausingTextDataset(file, DatasetVersioning.Latest).Save(text, version);
        Console.WriteLine("saved");
        return 0;
    }

    private sealed class PausingTextDataset(string file, DatasetVersioning? versioning) : FileDataset<string>("held", file, versioning)
    {
        protected override string Read(Stream stream, string path) => new StreamReader(stream).ReadToEnd();

        protected override void Write(Stream stream, string data, string path)
        {
            var half = data.Length / 2;
            var writer = new StreamWriter(stream);
            writer.Write(data[..half]);
            writer.Flush();
            Console.WriteLine("writing");
            Console.In.ReadLine();
            writer.Write(data[half..]);
            writer.Flush();
        }
    }
}
