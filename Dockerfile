# Stele in a container, configured from the environment as Confluent's cp-schema-registry image
# is (README, "Run in a container"). It packs the tarball the build makes, so build that first:
#   mvn -B -DskipTests package && docker build -t stele .
FROM eclipse-temurin:17-jre

# A fixed uid, so that a host directory mounted as the volume can be given to it (chown 10001).
RUN groupadd --system --gid 10001 stele \
 && useradd --system --uid 10001 --gid stele --home-dir /var/lib/stele --shell /usr/sbin/nologin stele \
 && mkdir -p /var/lib/stele/data \
 && chown -R stele:stele /var/lib/stele

# ADD unpacks a local tar.gz: /opt/stele-VERSION/, linked as /opt/stele. With tarballs of two
# versions in dist/target, the link fails: run mvn clean first.
ADD dist/target/stele-*.tar.gz /opt/
RUN ln -s /opt/stele-* /opt/stele
COPY dist/src/main/docker/entrypoint.sh /usr/local/bin/stele-entrypoint
COPY dist/src/main/docker/healthcheck.sh /usr/local/bin/stele-healthcheck
ENV PATH=/opt/stele/bin:$PATH

USER stele
# The default stele.data.dir, ./data, is the volume.
WORKDIR /var/lib/stele
VOLUME ["/var/lib/stele/data"]
EXPOSE 8081
HEALTHCHECK --start-period=60s --interval=10s --timeout=6s --retries=3 CMD ["/usr/local/bin/stele-healthcheck"]
ENTRYPOINT ["/usr/local/bin/stele-entrypoint"]
