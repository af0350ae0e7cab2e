import Vapor

/// Every controller registers its endpoints here; `EndpointTests` checks that each endpoint is served once.
func registerRoutes(_ routes: any RoutesBuilder) {
    SessionController().register(routes)
    HomeController().register(routes)
    OperationsController().register(routes)
    OrganisationController().register(routes)
    PlanController().register(routes)
    NodeController().register(routes)
    IndicatorController().register(routes)
    PhaseController().register(routes)
    ScoresController().register(routes)
    MonitoringController().register(routes)
    OrganisationalController().register(routes)
    EntryController().register(routes)
    VariationController().register(routes)
    ImportController().register(routes)
    ExportController().register(routes)
    MethodologyController().register(routes)
    DocumentsController().register(routes)
    ReportLayoutController().register(routes)
    UsersController().register(routes)
    AuditController().register(routes)
    APIController().register(routes)
    MonitoringAPIController().register(routes)
}
