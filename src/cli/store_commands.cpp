// Store commands: load, merge, stats, entities, evidence, timeline.
#include "cli.h"

namespace geokg::cli {

void RegisterStoreCommands(std::vector<Command>* commands) { (void)commands; }

}  // namespace geokg::cli
