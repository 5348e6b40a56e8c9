# KnowledgeBase web app. Build: docker build -t knowledgebase .   (or: docker compose up --build)
# The container applies migrations and imports /app/seed-data at every start (both idempotent),
# then serves on port 8080 with a 160 MB GC heap ceiling (override with DOTNET_GCHeapHardLimit, in hex bytes). It needs ConnectionStrings__KnowledgeBase (or KB_DATABASE).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first (cached while only code changes). Build settings live in these root files.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig KnowledgeBase.sln ./
COPY src/ src/
COPY migrations/ migrations/
RUN dotnet restore src/KnowledgeBase.Web/KnowledgeBase.Web.csproj

RUN dotnet publish src/KnowledgeBase.Web/KnowledgeBase.Web.csproj -c Release --no-restore -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish/ ./
COPY seed-data/ ./seed-data/

ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The aspnet image's non-root user ('app').
USER $APP_UID
# Ready: the app answers and its database is reachable with every migration applied (/health/ready; /health/live is
# the process alone). Probed with bash's /dev/tcp, since the image has no curl; the first start migrates and seeds.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["/bin/sh", "-c", "set -e; dotnet KnowledgeBase.Web.dll migrate; dotnet KnowledgeBase.Web.dll seed /app/seed-data; export DOTNET_GCHeapHardLimit=\"${DOTNET_GCHeapHardLimit:-0xA000000}\"; exec dotnet KnowledgeBase.Web.dll --urls http://+:8080 \"$@\"", "kb-entrypoint"]
