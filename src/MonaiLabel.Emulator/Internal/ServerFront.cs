using Microsoft.AspNetCore.Builder;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// The server's FastAPI application (upstream's <c>monailabel/app.py</c>): the middleware, then the routers in the
/// order the server includes them (order decides 405 answers and path matches). Each step has one job: CORS, error
/// answers, and the router (match, body, auth, parameters, handler).
/// </summary>
internal static class ServerFront
{
    public static void Configure(IApplicationBuilder pipeline, EmulatorApp app)
    {
        var router = new Router(new Authorization(app), app.TempDirectory);
        if (app.Options.AuthEnabled)
        {
            new LoginRouter(app).Map(router);
        }

        new InfoRouter(app).Map(router);
        new ModelRouter(app).Map(router);
        new InferRouter(app).Map(router);
        new WsiInferRouter(app).Map(router);
        new BatchInferRouter(app).Map(router);
        new TrainRouter(app).Map(router);
        new ActiveLearningRouter(app).Map(router);
        new ScoringRouter(app).Map(router);
        new DatastoreRouter(app).Map(router);
        new LogsRouter(app).Map(router);
        new SessionRouter(app).Map(router);

        pipeline.Use(Cors.InvokeAsync);
        pipeline.Use(new ErrorAnswers(app.Log).InvokeAsync);
        pipeline.Run(router.HandleAsync);
    }
}
