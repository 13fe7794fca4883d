// Placeholder: the generated entry point (session, pipelines, CLI) replaces this file.
Console.WriteLine("generated entry point pending");
