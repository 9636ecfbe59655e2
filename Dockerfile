# The controller: one image running `ivrctl serve` (docker-compose.yml builds it). Admin verbs run
# in the same image: docker compose run --rm controller agents list
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/IvrController/IvrController.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app ./
# Prompts given as words are spoken with espeak-ng and resampled with sox.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng sox && rm -rf /var/lib/apt/lists/*
# Call records wait here while the database is away: keep it on a volume. Prompts are written to
# /var/lib/ivr-prompts, a volume the switch mounts too (docker-compose.yml).
RUN mkdir -p /var/lib/ivr/call-journal /var/lib/ivr-prompts && chown -R "$APP_UID" /var/lib/ivr /var/lib/ivr-prompts
ENV IVR_CallJournal__Directory=/var/lib/ivr/call-journal
ENV IVR_PROMPTS_DIR=/var/lib/ivr-prompts
VOLUME /var/lib/ivr
USER $APP_UID
ENTRYPOINT ["dotnet", "ivrctl.dll"]
CMD ["serve"]
