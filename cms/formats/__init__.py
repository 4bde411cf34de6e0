"""Our date formats where Django's differ from what the town's visitors read (FORMAT_MODULE_PATH).

Django's English is American ("Dec. 6, 2026"); visitors of a German town reading English
expect the British order ("6 December 2026"). German and Polish keep Django's formats.
"""
