import GENIQ

/// GENIQ's entry points, for the hostile-input suite.
let geniqEntryPoints: [EntryPoint] = [
  .response("GENIQ.classify") { GENIQ.classify(status: $0, body: $1) },
  .response("GENIQ.classifyReport") { _, body in GENIQ.classifyReport(body: body) },
  .response("GENIQ.classifyTemplateResponse") { GENIQ.classifyTemplateResponse(status: $0, body: $1) },
]
