/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glib-quark-leak.h: tells LeakSanitizer about the one allocation of GLib
 * 2.74 that it reports as leaked although GLib means to keep it.
 *
 * g_quark_init() (glib/gquark.c, run by GLib's constructor at load time)
 * allocates the first block of the quark table: 2,048 pointers, 16,384
 * bytes. When a process makes its 2,048th quark, quark_new() copies the
 * table into a bigger block and drops the pointer to the first one without
 * freeing it, on purpose: lock-free readers (g_quark_to_string) may still be
 * reading it. From then on nothing points to it and LeakSanitizer calls it a
 * direct leak "allocated from g_malloc". A GTK test binary that runs enough
 * tests (test-window) makes that many quarks; the leak is GLib's, once per
 * process, and not Charter's.
 *
 * No line in build-aux/lsan.supp can name it narrowly: GLib has no frame
 * pointers and no symbols here, so under the fast unwinder build-aux/dev
 * uses the stack is only malloc ← g_malloc (with fast_unwind_on_malloc=0 it
 * goes on through two unnamed frames of libglib to _dl_init), and
 * "leak:g_malloc" would hide every leak. So the block itself is found while
 * GLib still points to it, and marked with __lsan_ignore_object(): exactly
 * those 16,384 bytes, nothing else.
 *
 * Call charter_test_ignore_glib_quark_block() first thing in main(). */

#pragma once

#include <glib.h>

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>

/* From the sanitizers' allocator interface (libasan exports them; GCC 12
 * ships no header for them). */
int    __sanitizer_get_ownership (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

#define CHARTER_GLIB_QUARK_BLOCK_SIZE 2048

/* A pointer in GLib's writable data to a live 16 KiB block of the
 * sanitizer's heap whose entries are the strings of quarks 1, 2 and 3:
 * GLib's static "quarks". */
static int
charter_test_find_quark_block_cb (struct dl_phdr_info *info,
                                  size_t               size,
                                  void                *user_data)
{
  const char * const **found = user_data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
      guintptr start, end;

      if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W))
        continue;
      start = (info->dlpi_addr + ph->p_vaddr + sizeof (gpointer) - 1) & ~(guintptr) (sizeof (gpointer) - 1);
      end = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
      for (guintptr p = start; p + sizeof (gpointer) <= end; p += sizeof (gpointer))
        {
          const char * const *block = *(const char * const * const *) p;

          if (block == NULL || !__sanitizer_get_ownership (block) ||
              __sanitizer_get_allocated_size (block) != CHARTER_GLIB_QUARK_BLOCK_SIZE * sizeof (char *))
            continue;
          if (block[1] == g_quark_to_string (1) && block[2] == g_quark_to_string (2) &&
              block[3] == g_quark_to_string (3))
            {
              *found = block;
              return 1;
            }
        }
    }
  return 0;
}

static inline void
charter_test_ignore_glib_quark_block (void)
{
  const char * const *block = NULL;

  /* Quarks 1 to 3 exist by now (GObject's constructor makes many). */
  g_quark_from_static_string ("charter-test-quark");
  dl_iterate_phdr (charter_test_find_quark_block_cb, &block);
  if (block != NULL)
    __lsan_ignore_object (block);
}
#else
static inline void
charter_test_ignore_glib_quark_block (void)
{
}
#endif
