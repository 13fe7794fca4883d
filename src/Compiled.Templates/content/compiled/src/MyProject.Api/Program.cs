using Compiled.Hosting;
using MyNamespace;

// The quote pipeline over HTTP. The session is created once and shared by every request; the price list (the
// pipeline's artifact) is loaded on the first request and kept. The project directory (conf/, data/) is
// src/ProjectDirName unless configuration says otherwise ("Compiled": { "ProjectPath": … } or --Compiled:ProjectPath).
//   dotnet run --project src/ProjectDirName -- run               # writes the price list first
//   dotnet run --project src/ProjectDirName.Api
//   curl -X POST http://localhost:5000/quote -H 'Content-Type: application/json' -d '{"order": {"product": "widget", "quantity": 3}}'
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCompiledSession<MyNamespaceSession>(options =>
    options.ProjectPath ??= Path.Combine(builder.Environment.ContentRootPath, "..", "ProjectDirName"));

var app = builder.Build();
app.MapPipeline<QuotePipeline>("/quote");
app.Run();
