#pragma once
// OpenGL 3.3 core entry points for the app's own drawing (GLFW provides the context).
#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>
