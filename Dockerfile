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
# Call records wait here while the database is away: keep it on a volume.
RUN mkdir -p /var/lib/ivr/call-journal && chown -R "$APP_UID" /var/lib/ivr
ENV IVR_CallJournal__Directory=/var/lib/ivr/call-journal
VOLUME /var/lib/ivr
USER $APP_UID
ENTRYPOINT ["dotnet", "ivrctl.dll"]
CMD ["serve"]
