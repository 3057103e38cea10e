<?php
/**
 * The guide's script (avn-aid.js, copied into the plugin by the build) and the block editor's script.
 *
 * @package AVN_Aid
 */

defined( 'ABSPATH' ) || exit;

/**
 * Full path of the guide's script inside the plugin folder.
 *
 * @return string
 */
function avn_aid_script_path() {
	return AVN_AID_PLUGIN_DIR . 'avn-aid.js';
}

/**
 * Whether the guide's script is in the plugin folder.
 *
 * @return bool
 */
function avn_aid_script_exists() {
	return is_readable( avn_aid_script_path() );
}

/**
 * What the build wrote into build-info.php: script_version (a hash of avn-aid.js) and
 * content_version (the medical content's version). Empty strings when the file is missing.
 *
 * @return array{script_version: string, content_version: string}
 */
function avn_aid_build_info() {
	static $info = null;
	if ( null !== $info ) {
		return $info;
	}
	$info = array(
		'script_version'  => '',
		'content_version' => '',
	);
	$file = AVN_AID_PLUGIN_DIR . 'build-info.php';
	if ( is_readable( $file ) ) {
		$read = include $file;
		if ( is_array( $read ) ) {
			foreach ( array_keys( $info ) as $key ) {
				if ( isset( $read[ $key ] ) && is_string( $read[ $key ] ) ) {
					// Only characters that are safe in a URL's query and in HTML.
					$info[ $key ] = preg_replace( '/[^A-Za-z0-9._-]/', '', $read[ $key ] );
				}
			}
		}
	}
	return $info;
}

/**
 * The version added to the script's URL, so browsers and caches fetch a changed file: the
 * build's hash of avn-aid.js, else the file's modification time.
 *
 * @return string
 */
function avn_aid_script_version() {
	$info = avn_aid_build_info();
	if ( '' !== $info['script_version'] ) {
		return $info['script_version'];
	}
	if ( avn_aid_script_exists() ) {
		return (string) filemtime( avn_aid_script_path() );
	}
	return AVN_AID_PLUGIN_VERSION;
}

/**
 * Registers the guide's script (printed in the footer, and only on pages where the guide is
 * placed: see avn_aid_render()) and the block editor's script and style.
 */
function avn_aid_register_script() {
	if ( avn_aid_script_exists() ) {
		wp_register_script(
			'avn-aid',
			plugins_url( 'avn-aid.js', AVN_AID_PLUGIN_FILE ),
			array(),
			avn_aid_script_version(),
			true
		);
	}

	wp_register_script(
		'avn-aid-guide-editor',
		plugins_url( 'block/editor.js', AVN_AID_PLUGIN_FILE ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		AVN_AID_PLUGIN_VERSION,
		true
	);
	wp_set_script_translations( 'avn-aid-guide-editor', 'avn-aid' );
	wp_register_style(
		'avn-aid-guide-editor',
		plugins_url( 'block/editor.css', AVN_AID_PLUGIN_FILE ),
		array(),
		AVN_AID_PLUGIN_VERSION
	);
}
