using Compiled.Hosting;
using MyNamespace;

#if (spaceflights)
// The predict pipeline over HTTP. The session is created once and shared by every request; the regressor (the
// pipeline's artifact) is loaded on the first request and kept. The project directory (conf/, data/) is
// src/ProjectDirName unless configuration says otherwise ("Compiled": { "ProjectPath": … } or --Compiled:ProjectPath).
//   dotnet run --project src/ProjectDirName -- run               # trains the regressor first
//   dotnet run --project src/ProjectDirName.Api
//   curl -X POST http://localhost:5000/predict -H 'Content-Type: application/json' -d '{"features": {"engines": 2, "passenger_capacity": 4, "crew": 3, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 95}}'
#else
// The quote pipeline over HTTP. The session is created once and shared by every request; the price list (the
// pipeline's artifact) is loaded on the first request and kept. The project directory (conf/, data/) is
// src/ProjectDirName unless configuration says otherwise ("Compiled": { "ProjectPath": … } or --Compiled:ProjectPath).
//   dotnet run --project src/ProjectDirName -- run               # writes the price list first
//   dotnet run --project src/ProjectDirName.Api
//   curl -X POST http://localhost:5000/quote -H 'Content-Type: application/json' -d '{"order": {"product": "widget", "quantity": 3}}'
#endif
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCompiledSession<MyNamespaceSession>(options =>
    options.ProjectPath ??= Path.Combine(builder.Environment.ContentRootPath, "..", "ProjectDirName"));

var app = builder.Build();
#if (spaceflights)
app.MapPipeline<PredictPipeline>("/predict");
#else
app.MapPipeline<QuotePipeline>("/quote");
#endif
app.Run();
