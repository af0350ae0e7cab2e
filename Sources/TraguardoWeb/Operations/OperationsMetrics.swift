import CoreMetrics
import Foundation
import Metrics
import Prometheus
import TraguardoCore
import Vapor

/// One Prometheus registry per process, bootstrapped once (swift-metrics allows a single backend). Vapor itself
/// records `http_requests_total`, `http_request_errors_total` and `http_request_duration_seconds` per route
/// pattern and status once a backend is in place; Traguardo adds the database and the scoring engine.
enum OperationsMetrics {
    static let registry = PrometheusCollectorRegistry()
    static let started = Date()

    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    static func bootstrap() { _ = bootstrapped }

    /// The figures read at scrape time: the database's answer to a trivial query, the pool's size, the uptime.
    static func refresh(databaseUp: Bool, ping: Duration?, poolSize: Int?) {
        registry.makeGauge(name: "traguardo_database_up", help: "1 se il database risponde a una query banale, altrimenti 0.")
            .set(Double(databaseUp ? 1 : 0))
        if let ping {
            registry.makeGauge(name: "traguardo_database_ping_seconds", help: "Durata dell'ultima query di prova sul database.")
                .set(Double(ping.components.attoseconds) / 1e18 + Double(ping.components.seconds))
        }
        if let poolSize {
            registry.makeGauge(
                name: "traguardo_database_pool_max_connections", help: "Connessioni al database al massimo aperte da questa istanza."
            ).set(Double(poolSize))
        }
        registry.makeGauge(name: "traguardo_uptime_seconds", help: "Secondi dall'avvio di questa istanza.").set(Date().timeIntervalSince(started))
        registry.makeGauge(name: "traguardo_info", labels: [("version", Traguardo.version)], help: "Versione di Traguardo in esecuzione.").set(
            Double(1))
    }
}

extension ScoringEngine {
    /// The engine, timed into `traguardo_scoring_seconds` (with the objectives scored), for every score the web
    /// computes: pages, API, previews.
    static func measuredScore(_ input: ScoringInput) -> ScoreReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let report = score(input)
        Timer(label: "traguardo_scoring_seconds").recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        Counter(label: "traguardo_scored_objectives_total").increment(by: report.plan.objectiveCount)
        return report
    }
}
