#pragma once
// The dark ImGui theme the investigator interface and the instructor console share, so both
// programs look alike on the projector.

namespace mt::platform {

// Sets the theme's colours and spacing, with sizes multiplied by the interface scale.
void apply_theme(float scale);

}  // namespace mt::platform
